using Microsoft.Extensions.Options;

namespace CityHall.Tests.Infrastructure;

/// <summary>Settings that never change, for a class under test that reads them through <see cref="IOptionsMonitor{T}"/>.</summary>
public sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
