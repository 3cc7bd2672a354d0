namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>
/// Matches a batch of open calls (rows) with free cars (columns) given each pair's cost, the estimated seconds
/// to pickup. <see cref="Optimal"/> solves it as a minimum-cost assignment (the Hungarian method with row and
/// column potentials, O(n²m) for n ≤ m), which serves as many calls as can be served and, among those
/// matchings, waits least in total; <see cref="Greedy"/> takes the cheapest remaining pair each time, the
/// fallback for batches too large for the time budget and the yardstick the benchmark compares with.
/// A pair that must not be matched (the car lacks what the call requires, or is out of reach) costs
/// <see cref="Forbidden"/>; a row with no allowed pair left stays unmatched (-1).
/// </summary>
public static class Assignment
{
    public const double Forbidden = double.PositiveInfinity;

    /// <summary>For each row, the column it gets, or -1; the fewest unmatched rows, then the least total cost.</summary>
    public static int[] Optimal(double[,] cost)
    {
        int rows = cost.GetLength(0), columns = cost.GetLength(1);
        var match = new int[rows];
        Array.Fill(match, -1);
        if (rows == 0 || columns == 0) return match;
        // The method needs rows ≤ columns: with more calls than cars, solve the transpose.
        var transposed = rows > columns;
        int n = transposed ? columns : rows, m = transposed ? rows : columns;
        double At(int i, int j) => transposed ? cost[j, i] : cost[i, j];

        // A forbidden pair costs more than any matching of allowed pairs can, so every allowed matching of
        // more rows wins; such pairs are dropped from the answer afterwards.
        var largest = 0.0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
                if (At(i, j) is var c && double.IsFinite(c)) largest = Math.Max(largest, Math.Abs(c));
        var penalty = (largest + 1) * (n + 1);
        double Cost(int i, int j) => At(i, j) is var c && double.IsFinite(c) ? c : penalty;

        // 1-based, with column 0 standing for "the row being placed"; rowOf[j] is the row column j holds.
        var u = new double[n + 1];
        var v = new double[m + 1];
        var rowOf = new int[m + 1];
        var way = new int[m + 1];
        var slack = new double[m + 1];
        var visited = new bool[m + 1];
        for (var i = 1; i <= n; i++)
        {
            rowOf[0] = i;
            var j0 = 0;
            Array.Fill(slack, double.PositiveInfinity);
            Array.Clear(visited);
            do
            {
                visited[j0] = true;
                int i0 = rowOf[j0], j1 = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= m; j++)
                {
                    if (visited[j]) continue;
                    var reduced = Cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if (reduced < slack[j]) { slack[j] = reduced; way[j] = j0; }
                    if (slack[j] < delta) { delta = slack[j]; j1 = j; }
                }
                for (var j = 0; j <= m; j++)
                {
                    if (visited[j]) { u[rowOf[j]] += delta; v[j] -= delta; }
                    else slack[j] -= delta;
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            // Flip the augmenting path back to its start.
            do
            {
                var j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }

        for (var j = 1; j <= m; j++)
        {
            if (rowOf[j] == 0) continue;
            int i = rowOf[j] - 1, column = j - 1;
            if (!double.IsFinite(At(i, column))) continue;
            if (transposed) match[column] = i;
            else match[i] = column;
        }
        return match;
    }

    /// <summary>For each row, the column it gets, or -1: the cheapest allowed pair first, then the next among those left.</summary>
    public static int[] Greedy(double[,] cost)
    {
        int rows = cost.GetLength(0), columns = cost.GetLength(1);
        var pairs = new List<(double Cost, int Row, int Column)>();
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                if (double.IsFinite(cost[i, j])) pairs.Add((cost[i, j], i, j));
        pairs.Sort();
        var match = new int[rows];
        Array.Fill(match, -1);
        var taken = new bool[columns];
        foreach (var (_, row, column) in pairs)
        {
            if (match[row] >= 0 || taken[column]) continue;
            match[row] = column;
            taken[column] = true;
        }
        return match;
    }

    /// <summary>How many rows a matching serves and their total cost.</summary>
    public static (int Matched, double Total) Measure(double[,] cost, int[] match)
    {
        var (matched, total) = (0, 0.0);
        for (var i = 0; i < match.Length; i++)
        {
            if (match[i] < 0) continue;
            matched++;
            total += cost[i, match[i]];
        }
        return (matched, total);
    }
}
