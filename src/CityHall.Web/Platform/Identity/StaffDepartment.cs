using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.Identity;

/// <summary>An official's membership of a department: their permissions apply to its cases.</summary>
public sealed class StaffDepartment
{
    public required string UserId { get; set; }
    public int DepartmentId { get; set; }
}

internal sealed class StaffDepartmentConfiguration : IEntityTypeConfiguration<StaffDepartment>
{
    public void Configure(EntityTypeBuilder<StaffDepartment> e)
    {
        e.ToTable("identity_staff_departments");
        e.HasKey(x => new { x.UserId, x.DepartmentId });
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<City.Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
