namespace CityHall.Tests.Infrastructure;

/// <summary>
/// A test that needs the Redis server ./test.sh starts (CITYHALL_TEST_REDIS). It is skipped only
/// in a bare `dotnet test` on a machine without it; under ./test.sh it always runs.
/// </summary>
public sealed class RequiresRedisFactAttribute : FactAttribute
{
    public const string Variable = "CITYHALL_TEST_REDIS";

    public static string? Server => Environment.GetEnvironmentVariable(Variable);

    public RequiresRedisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Server)) Skip = $"{Variable} is not set (./test.sh sets it)";
    }
}
