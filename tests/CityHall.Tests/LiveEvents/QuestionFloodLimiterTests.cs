using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.LiveEvents;

/// <summary>A sender's questions a minute: counted per window, given back when not stored, forgotten after the window.</summary>
public sealed class QuestionFloodLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly QuestionFloodLimiter limiter;

    public QuestionFloodLimiterTests() =>
        limiter = new QuestionFloodLimiter(Options.Create(new LiveEventsOptions { QuestionsPerMinute = 3 }), clock);

    private int Takes(string sender, int tries) => Enumerable.Range(0, tries).Count(_ => limiter.TryTake(sender));

    [Fact]
    public void A_sender_gets_the_minutes_places_and_a_new_window_after_it()
    {
        Assert.Equal(3, Takes("sms:+8210", 5));
        Assert.Equal(3, Takes("web:other", 3)); // each sender counts alone
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(limiter.TryTake("sms:+8210"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, Takes("sms:+8210", 5));
    }

    [Fact]
    public void A_place_given_back_can_be_used_again_but_never_more_than_the_window_had()
    {
        Assert.Equal(3, Takes("web:a", 3));
        limiter.GiveBack("web:a");
        Assert.True(limiter.TryTake("web:a"));
        Assert.False(limiter.TryTake("web:a"));
        // Giving back more than was taken adds nothing.
        limiter.GiveBack("web:never-asked");
        Assert.Equal(1, Takes("web:b", 1));
        for (var i = 0; i < 5; i++) limiter.GiveBack("web:b");
        Assert.Equal(3, Takes("web:b", 5));
    }

    [Fact]
    public void Senders_whose_minute_ended_are_forgotten_so_a_long_event_does_not_keep_every_sender()
    {
        for (var i = 0; i < 1000; i++) limiter.TryTake($"sms:{i}");
        limiter.GiveBack("sms:7");
        Assert.Equal(1000, limiter.Senders);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryTake("sms:late"));
        Assert.Equal(1001, limiter.Senders); // nobody's minute has ended yet
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(limiter.TryTake("sms:next")); // the first question after a minute sweeps
        Assert.Equal(2, limiter.Senders); // sms:late (30 s old) and sms:next
        // A sender forgotten starts a whole new window.
        Assert.Equal(3, Takes("sms:7", 5));
    }
}
