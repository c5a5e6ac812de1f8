using System.Globalization;
using Helpdesk.IntegrationTests.Fuzz;

namespace Helpdesk.Benchmarks;

/// <summary>Options of the fuzz mode (<c>-- fuzz …</c>).</summary>
internal sealed record FuzzOptions(int Requests, int Seed, int Concurrency, int TimeLimitSeconds, int RequestTimeoutSeconds, string? HostDll)
{
    public static readonly FuzzOptions Default = new(100_000, FuzzRequests.DefaultSeed, 8, 7200, 30, null);

    public const string Usage =
        "dotnet run -c Release --project tests/Helpdesk.Benchmarks -- fuzz [--requests 100000] [--seed 20260117] [--concurrency 8] " +
        "[--time-limit 7200] [--request-timeout 30] [--host-dll path]";

    public static FuzzOptions? Parse(IReadOnlyList<string> args)
    {
        var o = Default;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--requests": o = o with { Requests = Int() }; break;
                case "--seed": o = o with { Seed = Int() }; break;
                case "--concurrency": o = o with { Concurrency = Int() }; break;
                case "--time-limit": o = o with { TimeLimitSeconds = Int() }; break;
                case "--request-timeout": o = o with { RequestTimeoutSeconds = Int() }; break;
                case "--host-dll": o = o with { HostDll = Path.GetFullPath(Next()) }; break;
                default: return null;
            }
        }

        return o.Requests > 0 && o.Concurrency > 0 ? o : null;
    }
}
