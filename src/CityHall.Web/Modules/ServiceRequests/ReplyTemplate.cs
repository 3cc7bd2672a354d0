using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>A department's stock answer ("repaired, thank you"), offered when replying; the official edits it before sending.</summary>
public sealed class ReplyTemplate
{
    public long Id { get; set; }
    /// <summary>The department whose officials see it; null for every department.</summary>
    public string? DepartmentCode { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
}

internal sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> e)
    {
        e.ToTable("service_reply_templates");
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.HasIndex(x => x.DepartmentCode);
    }
}
