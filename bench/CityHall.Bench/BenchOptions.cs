namespace CityHall.Bench;

public sealed record BenchOptions(string Provider, string? Connection, TimeSpan Phase, int Workers)
{
    public void PrintHeader(string scenario)
    {
        Console.WriteLine($"# {scenario}: {Provider}, {Environment.ProcessorCount} cores, {Workers} workers, {Phase.TotalSeconds:N0} s per phase, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("# the app and this load generator share the machine");
    }
}
