using CityHall.Web.Platform.Voting;

namespace CityHall.Tests.Platform;

public sealed class SmallGroupsTests
{
    [Fact]
    public void Small_groups_are_merged_and_a_small_remainder_takes_the_smallest_shown_group_with_it()
    {
        // A: 25, B: 12, C: 3, D: 4, none: 2. C, D and none make 9: under 10, they could be read off the total, so B joins them.
        var (shown, merged) = SmallGroups.Split([("A", 25), ("B", 12), ("C", 3), ("D", 4), ("", 2), ("E", 0)], 10);
        Assert.Equal(["A"], shown);
        Assert.Equal(["D", "C", "", "B"], merged);

        // Every group large enough: nothing merged.
        var (every, nothing) = SmallGroups.Split([("B", 10), ("A", 11)], 10);
        Assert.Equal(["A", "B"], every);
        Assert.Empty(nothing);

        // A remainder of 10 or more stands as it is.
        var (shown2, merged2) = SmallGroups.Split([("A", 30), ("B", 6), ("C", 5)], 10);
        Assert.Equal(["A"], shown2);
        Assert.Equal(["B", "C"], merged2);

        // Fewer voters than the minimum in all: no breakdown at all.
        var (none, all) = SmallGroups.Split([("A", 6), ("B", 3)], 10);
        Assert.Empty(none);
        Assert.Equal(2, all.Count);
    }
}
