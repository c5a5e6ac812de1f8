using System.Text.RegularExpressions;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// What must never reach a client: .NET type names (ours or the framework's), generic type arity, stack frames,
/// exception names. The generator never sends any of these, so a match cannot be the host echoing the request.
/// </summary>
public static partial class LeakPatterns
{
    public static IReadOnlyList<Regex> All { get; } = [HelpdeskType(), FrameworkNamespace(), GenericArity(), StackFrame(), ExceptionName()];

    /// <summary>The first pattern found in <paramref name="text"/> and where, or null.</summary>
    public static (Regex Pattern, Match Match)? Find(string text)
    {
        foreach (var pattern in All)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return (pattern, match);
            }
        }

        return null;
    }

    [GeneratedRegex(@"Helpdesk\.(Core|Standalone|Functions)\.")]
    private static partial Regex HelpdeskType();

    [GeneratedRegex(@"System\.")]
    private static partial Regex FrameworkNamespace();

    /// <summary><c>Nullable`1[</c>, also as JSON writes the backtick (<c>\u0060</c>).</summary>
    [GeneratedRegex(@"(`|\\u0060)\d+\[")]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"   at ")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"Exception")]
    private static partial Regex ExceptionName();
}
