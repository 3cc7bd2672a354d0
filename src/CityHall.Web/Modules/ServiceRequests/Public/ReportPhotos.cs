namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>
/// A report's photos, served from the database (never from the web root): to anyone for a public
/// case, to its reporter and the responsible department's officials for a private one. Public photos are cached by browsers and
/// proxies (the ETag is the hash of the bytes); private ones only by the reader's browser.
/// </summary>
public static class ReportPhotos
{
    public static void Map(WebApplication app) =>
        app.MapGet("/reports/{reference}/photos/{position:int}", async Task<IResult> (string reference, int position, HttpContext http, AppDbContext db) =>
        {
            var key = reference.ToUpperInvariant();
            var found = await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Reference == key)
                .Select(r => new { r.Id, r.IsPublic, r.ReporterId, r.DepartmentCode }).FirstOrDefaultAsync(http.RequestAborted);
            if (found is null) return TypedResults.NotFound();
            if (!ServiceRequestStates.SeesContent(http.User, found.IsPublic, found.ReporterId, found.DepartmentCode)) return TypedResults.NotFound();
            var photo = await db.Set<ServiceRequestPhoto>().AsNoTracking().Where(p => p.RequestId == found.Id && p.Position == position)
                .Select(p => new { p.Bytes, p.Hash }).FirstOrDefaultAsync(http.RequestAborted);
            if (photo is null) return TypedResults.NotFound();
            var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo.Hash}\"");
            http.Response.Headers.CacheControl = found.IsPublic ? "public, max-age=86400" : "private, max-age=3600";
            return TypedResults.File(photo.Bytes, "image/jpeg", entityTag: etag);
        }).ExcludeFromDescription();
}
