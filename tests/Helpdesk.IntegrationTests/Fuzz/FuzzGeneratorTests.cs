using System.Net;
using System.Text;
using Helpdesk.Core.Tickets;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>The generator itself, without a host: deterministic, covering what the fuzz test promises, never sending what the leak check looks for.</summary>
public sealed class FuzzGeneratorTests
{
    private static readonly FuzzRequests Generator = new(FuzzRequests.DefaultSeed, new FuzzTarget("generator-test-key-0123456789"));

    private static IEnumerable<FuzzRequest> DefaultRun() => Enumerable.Range(0, HostFuzzTests.DefaultCount).Select(Generator.Create);

    [Fact]
    public void SameSeedAndIndex_GiveTheSameRequest_InAnyOrder()
    {
        var again = new FuzzRequests(FuzzRequests.DefaultSeed, Generator.Target);
        foreach (var index in Enumerable.Range(0, 400).Reverse())
        {
            var (a, b) = (Generator.Create(index), again.Create(index));
            Assert.Equal((a.Case, a.Method, a.Path, a.Transport, a.Trace), (b.Case, b.Method, b.Path, b.Transport, b.Trace));
            Assert.Equal(a.Headers, b.Headers);
            Assert.Equal(a.Body, b.Body);
        }

        Assert.NotEqual(Generator.Create(100).Body, new FuzzRequests(FuzzRequests.DefaultSeed + 1, Generator.Target).Create(100).Body);
    }

    [Fact]
    public void ActionsOfTheContract_AreTheActionsOfTheProduct()
    {
        Assert.Equal(TicketCommand.ActionNames.Order(StringComparer.Ordinal), ActionRequests.Actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultRun_CoversEveryRouteActionAndTheAwkwardCases()
    {
        var requests = DefaultRun().ToList();
        var cases = requests.Select(r => r.Case).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        void Expect(string what, bool covered)
        {
            if (!covered)
            {
                missing.Add(what);
            }
        }

        Expect("GET /api/form", requests.Any(r => r.Method == "GET" && r.Path.StartsWith("/api/form", StringComparison.Ordinal)));
        Expect("GET /api/tickets/{n}", requests.Any(r => r.Method == "GET" && r.Path.StartsWith("/api/tickets/", StringComparison.Ordinal)));
        Expect("GET /api/queues/{level}", requests.Any(r => r.Path.StartsWith("/api/queues/", StringComparison.Ordinal)));
        foreach (var action in ActionRequests.Actions)
        {
            Expect($"valid {action}", cases.Contains($"action.{action}.valid"));
            Expect($"POST …/{action} without the key", requests.Any(r => r.Path.EndsWith("/" + action, StringComparison.Ordinal)
                && !r.Headers.Any(h => h.Name.Equals(FuzzContext.ApiKeyHeader, StringComparison.OrdinalIgnoreCase))));
        }

        string[] required =
        [
            "tickets.urlencoded.valid", "tickets.json.valid", "tickets.multipart.attachments", "tickets.content-type-wrong",
            "tickets.multipart.empty-section", "tickets.multipart.header-without-colon", "tickets.multipart.too-many-part-headers",
            "tickets.multipart.part-header-too-long", "tickets.multipart.junk-after-boundary", "tickets.multipart.preamble-too-long",
            "tickets.multipart.wrong-magic-bytes", "tickets.multipart.file-name-odd", "tickets.multipart.idempotent-repeat",
            "tickets.json.wrong-type", "tickets.json.comma-list", "tickets.json.unicode", "tickets.json.control-characters",
            "tickets.urlencoded.over-the-limit", "tickets.multipart.field-over-the-limit",
            "action.visibility-odd", "action.priority-odd", "action.wrong-type", "action.body-over-the-limit",
            "raw.chunk-size-not-hex", "raw.chunk-size-overflow", "raw.chunk-trailer-40kb", "abort.upload",
        ];
        foreach (var name in required)
        {
            Expect(name, cases.Contains(name));
        }

        Expect("a repeated Idempotency-Key header", requests.Any(r => r.Headers.Count(h => h.Name == "Idempotency-Key") > 1));
        Expect("an Idempotency-Key over 200 characters", requests.Any(r => r.Headers.Any(h => h.Name == "Idempotency-Key" && h.Value.Length > 200)));
        Expect("odd ticket numbers", requests.Any(r => r.Path.StartsWith("/api/tickets/+", StringComparison.Ordinal)));
        Expect("L1,L2", requests.Any(r => r.Path.StartsWith("/api/queues/L1,L2", StringComparison.Ordinal)));
        Assert.True(missing.Count == 0, $"Not generated in the first {HostFuzzTests.DefaultCount} requests: {string.Join("; ", missing)}");
    }

    [Fact]
    public void NoRequest_ContainsWhatTheLeakCheckLooksFor()
    {
        foreach (var request in Enumerable.Range(0, 2 * HostFuzzTests.DefaultCount).Select(Generator.Create))
        {
            var sent = string.Join("\n", request.Headers.Select(h => h.Name + ": " + h.Value)) + "\n" + request.Path + "\n" + Encoding.UTF8.GetString(request.Body);
            // Decoded too, as the host reads a form (bodies past the form limit are refused, never echoed).
            var decoded = WebUtility.UrlDecode(sent[..Math.Min(sent.Length, 2 * FuzzTarget.DefaultMaxFormBytes)]);
            foreach (var text in new[] { sent, decoded })
            {
                var leak = LeakPatterns.Find(text);
                Assert.True(leak is null, $"request #{request.Index} ({request.Case}) contains /{leak?.Pattern}/: the host echoing it would pass for a leak");
            }
        }
    }
}
