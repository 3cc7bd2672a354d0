using CityHall.Web.Modules.Inclusion.Applications;

namespace CityHall.Web.Modules.Inclusion.Fulfilment;

/// <summary>
/// Booking a class seat or an appointment for an accepted application, and changing it. The seat is
/// taken by one conditional update of the class's (or slot's) count — "one more, if fewer than the
/// capacity" — inside the transaction that records the booking and schedules the application, so
/// however many book at once, no class or slot ever holds more than its capacity; the rest are
/// refused with what to do next. A changed booking gives its old place back in the same transaction.
/// </summary>
public sealed class Bookings(AppDbContext db, ApplicationIntake intake, TimeProvider clock, IStringLocalizer<Text> t)
{
    public Task<string?> BookSeatAsync(InclusionApplication a, long classId, ApplicationActor actor, CancellationToken ct) =>
        BookAsync(a, actor, async now =>
        {
            var taken = await db.Set<ClassCourse>().Where(c => c.Id == classId && c.ProgrammeId == a.ProgrammeId && c.Booked < c.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Booked, c => c.Booked + 1), ct);
            if (taken == 0) return t["Inclusion.Booking.ClassFull"];
            db.Add(new ClassSeat { ClassId = classId, ApplicationId = a.Id, BookedAt = now });
            return null;
        }, ct);

    public Task<string?> BookAppointmentAsync(InclusionApplication a, long slotId, AppointmentMode mode, ApplicationActor actor, CancellationToken ct) =>
        BookAsync(a, actor, async now =>
        {
            var slot = await db.Set<AppointmentSlot>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId && s.ProgrammeId == a.ProgrammeId, ct);
            if (slot is null || slot.StartsAt <= now) return t["Inclusion.Booking.SlotGone"];
            if (!slot.Modes.Contains(mode)) return t["Inclusion.Booking.ModeNotOffered"];
            var taken = await db.Set<AppointmentSlot>().Where(s => s.Id == slotId && s.Booked < s.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct);
            if (taken == 0) return t["Inclusion.Booking.SlotFull"];
            db.Add(new Appointment { SlotId = slotId, ApplicationId = a.Id, Mode = mode, BookedAt = now });
            return null;
        }, ct);

    private async Task<string?> BookAsync(InclusionApplication a, ApplicationActor actor, Func<DateTime, Task<string?>> take, CancellationToken ct)
    {
        if (a.State is not (ApplicationState.Accepted or ApplicationState.Scheduled))
            return t["Inclusion.Booking.NotAccepted", t[$"Inclusion.State.{a.State}"]];
        for (var attempt = 1; ; attempt++)
        {
            try { return await BookOnceAsync(a, actor, take, ct); }
            catch (Microsoft.Data.Sqlite.SqliteException busy) when (busy.SqliteErrorCode is 5 or 6 && attempt < 3)
            {
                // The SQLite file stayed busy past its timeout (a crowd booking the same class at once): the attempt
                // wrote nothing (its transaction is rolled back), so it waits in line again instead of failing.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<string?> BookOnceAsync(InclusionApplication a, ApplicationActor actor, Func<DateTime, Task<string?>> take, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The place is taken first: on SQLite the transaction holds the write lock from its first statement.
            if (await take(now) is { } refused)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return refused;
            }
            if (a.State == ApplicationState.Scheduled) await ReleaseAsync(db, a.Id, ct);
            await db.SaveChangesAsync(ct);
            if (await intake.MoveAsync(a, ApplicationState.Scheduled, actor, null, null, ct) is { } moved)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return moved;
            }
            await tx.CommitAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // A second booking for the same application at the same moment: its unique index refuses it.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return t["Inclusion.Apply.ChangedMeanwhile", a.Reference];
        }
    }

    /// <summary>
    /// Gives an application's saved seat and appointment back (their counts go down by one): when it
    /// is withdrawn or cancelled, or re-booked (the new booking, not saved yet, is not among them).
    /// </summary>
    public static async Task ReleaseAsync(AppDbContext db, long applicationId, CancellationToken ct)
    {
        var seats = await db.Set<ClassSeat>().Where(s => s.ApplicationId == applicationId).OrderBy(s => s.Id).ToListAsync(ct);
        var appointments = await db.Set<Appointment>().Where(s => s.ApplicationId == applicationId).OrderBy(s => s.Id).ToListAsync(ct);
        foreach (var seat in seats)
        {
            await db.Set<ClassCourse>().Where(c => c.Id == seat.ClassId && c.Booked > 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.Booked, c => c.Booked - 1), ct);
            db.Remove(seat);
        }
        foreach (var appointment in appointments)
        {
            await db.Set<AppointmentSlot>().Where(x => x.Id == appointment.SlotId && x.Booked > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);
            db.Remove(appointment);
        }
        await db.SaveChangesAsync(ct);
    }
}
