using CityHall.Web.Modules.Taxi.Dispatch;

namespace CityHall.Tests.Taxi;

/// <summary>The batch matching of calls with cars, against every possible matching of small batches.</summary>
public sealed class AssignmentTests
{
    private const double X = Assignment.Forbidden;

    [Fact]
    public void Where_nearest_first_strands_a_call_far_away_the_assignment_sends_each_car_where_it_helps_most()
    {
        // Car 0 is nearest to both calls; call 1 has no other car within reach but a far one.
        double[,] cost = { { 60, 120 }, { 90, 900 } };
        Assert.Equal([0, 1], Assignment.Greedy(cost));
        Assert.Equal((2, 960.0), Assignment.Measure(cost, Assignment.Greedy(cost)));
        Assert.Equal([1, 0], Assignment.Optimal(cost));
        Assert.Equal((2, 210.0), Assignment.Measure(cost, Assignment.Optimal(cost)));
    }

    [Fact]
    public void A_forbidden_pair_is_never_matched_and_the_assignment_serves_as_many_calls_as_can_be_served()
    {
        // Call 0 needs the accessible car 0; greedy gives car 0 to call 1 (cheaper) and strands call 0.
        double[,] cost = { { 300, X }, { 10, 20 } };
        Assert.Equal([-1, 0], Assignment.Greedy(cost));
        Assert.Equal([0, 1], Assignment.Optimal(cost));
        // No car may take call 1, and car 1 may take nothing: call 1 waits.
        double[,] none = { { 5, X }, { X, X } };
        Assert.Equal([0, -1], Assignment.Optimal(none));
        Assert.Equal([-1], Assignment.Optimal(new double[,] { { X, X } }));
        Assert.Empty(Assignment.Optimal(new double[0, 3]));
        Assert.Equal([-1, -1], Assignment.Optimal(new double[2, 0]));
    }

    [Fact]
    public void On_random_batches_the_assignment_is_the_best_matching_there_is_and_never_worse_than_greedy()
    {
        var random = new Random(20261206);
        for (var round = 0; round < 600; round++)
        {
            int rows = random.Next(1, 7), columns = random.Next(1, 7);
            var cost = new double[rows, columns];
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++)
                    cost[i, j] = random.NextDouble() < 0.25 ? X : random.Next(0, 600);

            var optimal = Assignment.Optimal(cost);
            AssertValid(cost, optimal);
            var (matched, total) = Assignment.Measure(cost, optimal);
            var (bestMatched, bestTotal) = BruteForce(cost);
            Assert.Equal(bestMatched, matched);
            Assert.Equal(bestTotal, total, 6);

            var greedy = Assignment.Greedy(cost);
            AssertValid(cost, greedy);
            var (greedyMatched, greedyTotal) = Assignment.Measure(cost, greedy);
            Assert.True(greedyMatched < matched || (greedyMatched == matched && total <= greedyTotal + 1e-9),
                $"round {round}: greedy {greedyMatched}/{greedyTotal} beat {matched}/{total}");
        }
    }

    private static void AssertValid(double[,] cost, int[] match)
    {
        Assert.Equal(cost.GetLength(0), match.Length);
        var used = match.Where(j => j >= 0).ToList();
        Assert.Equal(used.Count, used.Distinct().Count()); // no car offered two calls
        for (var i = 0; i < match.Length; i++)
            if (match[i] >= 0) Assert.True(double.IsFinite(cost[i, match[i]]));
    }

    /// <summary>Every matching of rows to distinct columns: the most rows served, then the least total.</summary>
    private static (int Matched, double Total) BruteForce(double[,] cost)
    {
        int rows = cost.GetLength(0), columns = cost.GetLength(1);
        var best = (Matched: 0, Total: 0.0);
        var taken = new bool[columns];
        void Walk(int row, int matched, double total)
        {
            if (row == rows)
            {
                if (matched > best.Matched || (matched == best.Matched && total < best.Total)) best = (matched, total);
                return;
            }
            Walk(row + 1, matched, total);
            for (var j = 0; j < columns; j++)
            {
                if (taken[j] || !double.IsFinite(cost[row, j])) continue;
                taken[j] = true;
                Walk(row + 1, matched + 1, total + cost[row, j]);
                taken[j] = false;
            }
        }
        Walk(0, 0, 0);
        return best;
    }
}
