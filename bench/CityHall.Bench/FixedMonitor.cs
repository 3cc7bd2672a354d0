using Microsoft.Extensions.Options;

namespace CityHall.Bench;

/// <summary>Settings that never change, for the app's classes the benchmarks build in their own process.</summary>
internal sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;
    public T Get(string? name) => value;
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
