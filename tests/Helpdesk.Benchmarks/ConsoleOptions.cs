using System.Globalization;

namespace Helpdesk.Benchmarks;

/// <summary>Arguments of the <c>console</c> mode: <c>--tickets N</c> open L1 tickets (default 500), <c>--rounds N</c> timed page loads (default 20).</summary>
public sealed record ConsoleOptions(int Tickets, int Rounds)
{
    public const string Usage = "dotnet run -c Release --project tests/Helpdesk.Benchmarks -- console [--tickets 500] [--rounds 20]";

    public static ConsoleOptions? Parse(string[] args)
    {
        var o = new ConsoleOptions(500, 20);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return null;
            }

            o = args[i] switch
            {
                "--tickets" => o with { Tickets = n },
                "--rounds" => o with { Rounds = n },
                _ => null,
            };
            if (o is null)
            {
                return null;
            }
        }

        return args.Length % 2 == 0 ? o : null;
    }
}
