using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// The seeded request generator, over every public and technician route of the host. Request <c>i</c> depends only
/// on the seed and <c>i</c> (its own <see cref="Random"/>), so any request can be regenerated alone from a failure
/// report, and the test and the benchmark send exactly the same requests for the same seed.
/// Mix: form 10 %, ticket creation 36 %, ticket reads 5 %, queues 6 %, actions 35 %, raw-socket requests 8 %. Most
/// creations are broken on purpose: a valid one costs the host ~40 storage requests (intake, SLA orchestration, mail).
/// <para>Every file of this folder but the <c>*Tests.cs</c> ones is also compiled into tests/Helpdesk.Benchmarks
/// (mode <c>fuzz</c>): they must not use xunit or the test infrastructure.</para>
/// </summary>
public sealed class FuzzRequests(int seed, FuzzTarget target)
{
    /// <summary>
    /// The first requests create valid tickets (numbers <see cref="FuzzTarget.FirstTicketNumber"/> on), so that the
    /// technician requests act on tickets that exist; <see cref="FuzzRunner"/> sends them before the others.
    /// </summary>
    public const int PrimingCount = 24;

    /// <summary>The seed of the test and of the benchmark unless told otherwise.</summary>
    public const int DefaultSeed = 20260117;

    public int Seed { get; } = seed;

    public FuzzTarget Target { get; } = target;

    public FuzzRequest Create(int index)
    {
        var ctx = new FuzzContext(Seed, index, Target, new FuzzText(new Random(SeedOf(Seed, index))));
        if (index < PrimingCount)
        {
            return Priming(ctx);
        }

        var roll = ctx.Text.Next(100);
        return roll switch
        {
            < 10 => PublicRequests.Form(ctx),
            < 46 => PublicRequests.CreateTicket(ctx),
            < 51 => TechnicianReads.Ticket(ctx),
            < 57 => TechnicianReads.Queue(ctx),
            < 92 => ActionRequests.Create(ctx),
            _ => RawRequests.Create(ctx),
        };
    }

    /// <summary>The seed of request <paramref name="index"/>: a fixed mix (not <see cref="HashCode"/>, which changes per process).</summary>
    public static int SeedOf(int seed, int index)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed << 32) | (uint)index;
            x ^= x >> 33;
            x *= 0xFF51AFD7ED558CCDUL;
            x ^= x >> 33;
            x *= 0xC4CEB9FE1A85EC53UL;
            x ^= x >> 33;
            return (int)x;
        }
    }

    /// <summary>A string hash that is the same in every process (FNV-1a).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)hash;
        }
    }

    private static FuzzRequest Priming(FuzzContext ctx)
    {
        var fields = TicketFields.Valid(ctx.Text, ctx.Index);
        return ctx.Request("tickets.priming", "POST", "/api/tickets", [("Content-Type", "application/json")], Encoding.UTF8.GetBytes(JsonText.Strings(fields)));
    }
}
