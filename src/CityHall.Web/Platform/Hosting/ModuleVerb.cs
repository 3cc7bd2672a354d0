using System.CommandLine;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// A task of a module run from the command line, beside the platform's verbs
/// (e.g. <c>verify-petition 42</c>). Register with <c>services.AddSingleton&lt;ModuleVerb, MyVerb&gt;()</c>.
/// </summary>
public abstract class ModuleVerb
{
    public abstract string Name { get; }
    public abstract string Description { get; }

    /// <summary>Adds the verb's arguments and options to its command and returns what it runs (in a service scope); the result is the exit code.</summary>
    public abstract Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> Configure(Command command);
}
