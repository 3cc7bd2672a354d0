using CityHall.Web.Platform.City;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Web;

/// <summary>What one account has uploaded on one day (city date), counted before any file is decoded.</summary>
public sealed class UploadAllowanceDay
{
    public string UserId { get; set; } = "";
    public DateOnly Day { get; set; }
    public long Bytes { get; set; }
}

internal sealed class UploadAllowanceDayConfiguration : IEntityTypeConfiguration<UploadAllowanceDay>
{
    public void Configure(EntityTypeBuilder<UploadAllowanceDay> e)
    {
        e.ToTable("upload_allowance_days");
        e.HasKey(x => new { x.UserId, x.Day });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The per-account daily quota of uploaded bytes (RequestLimits:UploadBytesPerAccountPerDay): the rate
/// limit counts posts, this counts what they carry, so nobody fills the database (and the CPU that
/// re-encodes photos) with 30 MB a post. The check and the count are one conditional UPDATE, so posts
/// on several nodes at once cannot together pass the quota.
/// </summary>
public sealed class UploadAllowance(AppDbContext db, CityClock clock, IOptions<RequestLimitsOptions> options)
{
    public long DailyBytes => options.Value.UploadBytesPerAccountPerDay;

    /// <summary>Counts <paramref name="bytes"/> against today's quota; false (and nothing counted) when they do not fit.</summary>
    public async Task<bool> TryTakeAsync(string userId, long bytes, CancellationToken ct)
    {
        if (bytes <= 0) return true;
        var limit = DailyBytes;
        if (bytes > limit) return false;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var counted = await db.Set<UploadAllowanceDay>().Where(a => a.UserId == userId && a.Day == today && a.Bytes + bytes <= limit)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Bytes, a => a.Bytes + bytes), ct);
            if (counted == 1) return true;
            if (await db.Set<UploadAllowanceDay>().AnyAsync(a => a.UserId == userId && a.Day == today, ct)) return false;
            // The first upload of the day: earlier days are of no use any more.
            await db.Set<UploadAllowanceDay>().Where(a => a.UserId == userId && a.Day < today).ExecuteDeleteAsync(ct);
            var row = new UploadAllowanceDay { UserId = userId, Day = today, Bytes = bytes };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another post of the same person made today's row first: count against it.
                db.Entry(row).State = EntityState.Detached;
            }
        }
        return false;
    }
}
