using System.Security.Claims;

namespace CityHall.Web.Modules.News;

/// <summary>
/// Who may see and change a post before and after it is public: staff of its department holding its kind's permission;
/// administrators for every department. Checked on every read and write, not only by the menu.
/// </summary>
public static class NewsAccess
{
    /// <summary>
    /// The posts the user's departments answer for (every department's for an administrator), of the kinds the user
    /// writes — and notices for their approvers.
    /// </summary>
    public static IQueryable<NewsPost> Visible(IQueryable<NewsPost> posts, ClaimsPrincipal user)
    {
        var kinds = Enum.GetValues<NewsKind>().Where(k => MayWrite(user, k) || (k == NewsKind.Notice && user.HasPermission(NewsModule.ApproveNotices))).ToList();
        posts = posts.Where(p => kinds.Contains(p.Kind));
        if (user.IsInRole(Roles.Administrator)) return posts;
        var departments = user.Departments().ToList();
        return posts.Where(p => departments.Contains(p.DepartmentCode));
    }

    public static bool MayWrite(ClaimsPrincipal user, NewsKind kind) => user.HasPermission(NewsModule.WriteKind(kind));

    public static bool MayChange(ClaimsPrincipal user, NewsPost post) => user.ActsForDepartment(post.DepartmentCode) && MayWrite(user, post.Kind);
}
