using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Helpdesk.Core.Email;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tests.Email;

namespace Helpdesk.Benchmarks;

/// <summary>
/// Mode <c>mail</c>: inbound mail end to end on the standalone host (a separate process, private Azurite). 1,000
/// messages made from our corpus's new requests (each with its own Message-ID), posted to the raw route by 8 clients,
/// every message twice; messages/s until all are processed, p99 from the first post to "ticket recorded", tickets
/// created against distinct messages; and the form intake rate measured in the same run, before the mail.
/// Mode <c>mailfuzz</c>: the parsers' seeded fuzz (the CI test's generator) at 100,000 inputs.
/// </summary>
internal static partial class MailBenchmark
{
    public const string Usage = "dotnet run -c Release --project tests/Helpdesk.Benchmarks -- mail [--messages 1000] [--clients 8] [--form-seconds 10] | mailfuzz [--inputs 100000] [--seed 8]";
    private const string InboundKey = "benchmark-inbound-key-0123456789abcdef";

    public static async Task RunAsync(string[] args, string root)
    {
        int messages = Arg(args, "--messages", 1000), clients = Arg(args, "--clients", 8), formSeconds = Arg(args, "--form-seconds", 10);
        var corpus = Path.Combine(root, "tests", "Helpdesk.Core.Tests", "Email", "Corpus");
        var sources = MailCorpus.Manifest(corpus).Where(r => r[1] is "person" or "automated").Select(r => File.ReadAllText(Path.Combine(corpus, r[0]), Encoding.Latin1)).ToList();
        var mails = Enumerable.Range(0, messages).Select(i => WithMessageId(sources[i % sources.Count], $"bench-{i}-{Guid.NewGuid():N}@bench.example", i)).ToList();
        Console.WriteLine($"Mail benchmark: {messages} messages from {sources.Count} corpus requests, {clients} clients, each delivered twice; {Environment.ProcessorCount} cores.");

        using var azurite = await Azurite.StartAsync(root, null);
        await using var smtp = await SmtpSink.StartAsync();
        using var host = await HostProcess.StartAsync(root, azurite.ConnectionString, smtp.Port, settings: new Dictionary<string, string> { ["Helpdesk__Inbound__Key"] = InboundKey });

        using var form = new FormClients(host.BaseAddress, clients);
        var formResult = await form.RunAsync(TimeSpan.FromSeconds(formSeconds));
        Console.WriteLine($"Form intake: {formResult.Created} tickets in {formResult.Elapsed.TotalSeconds:0.0} s = {formResult.PerSecond:0.0}/s (p99 {formResult.Percentile(0.99):0} ms)");

        var deliveries = mails.Select((m, i) => (i, m)).Concat(mails.Select((m, i) => (i, m))).OrderBy(_ => Random.Shared.Next()).ToList();
        var firstPost = new ConcurrentDictionary<int, long>();
        var failures = 0;
        var queue = new ConcurrentQueue<(int Index, string Mail)>(deliveries);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(MailRecords.TableName);
        var keys = mails.Select(m => MailRecords.KeyOfMessageId(MessageIdOf(m))).ToList();
        var byKey = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var visible = new ConcurrentDictionary<int, long>();
        var tickets = new ConcurrentDictionary<int, int>();
        var start = Stopwatch.GetTimestamp();
        var posting = Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (queue.TryDequeue(out var d))
            {
                firstPost.TryAdd(d.Index, Stopwatch.GetTimestamp());
                using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(d.Mail));
                content.Headers.ContentType = new("message/rfc822");
                using var response = await http.PostAsync($"/api/inbound/email/raw?code={InboundKey}", content);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var deadline = Stopwatch.StartNew();
        while (visible.Count < messages && deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            await foreach (var e in table.QueryAsync<TableEntity>("RowKey eq 'message' and Done eq true", select: ["PartitionKey", "Ticket"]))
            {
                if (byKey.TryGetValue(e.PartitionKey, out var index) && visible.TryAdd(index, Stopwatch.GetTimestamp()) && e.GetInt32("Ticket") is { } t)
                {
                    tickets.AddOrUpdate(t, 1, (_, n) => n + 1);
                }
            }

            await Task.Delay(100);
        }

        await posting;
        var elapsed = Stopwatch.GetElapsedTime(start, visible.Values.DefaultIfEmpty(start).Max());
        var latencies = visible.Select(v => Stopwatch.GetElapsedTime(firstPost[v.Key], v.Value).TotalMilliseconds).Order().ToList();
        double P(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        var ticketRows = 0;
        await foreach (var _ in new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageClients.TicketsTable).QueryAsync<TableEntity>("RowKey eq 'ticket'", select: ["PartitionKey"]))
        {
            ticketRows++;
        }

        var rate = visible.Count / elapsed.TotalSeconds;
        Console.WriteLine($"Email: {visible.Count}/{messages} processed ({deliveries.Count} posts, {failures} refused) in {elapsed.TotalSeconds:0.0} s = {rate:0.0} messages/s " +
            $"({rate / formResult.PerSecond:P0} of the form intake rate)");
        Console.WriteLine($"Post → ticket recorded: p50 {P(0.5):0} ms, p99 {P(0.99):0} ms, max {P(1):0} ms");
        Console.WriteLine($"Tickets from mail: {tickets.Count} distinct for {messages} distinct messages (duplicates: {tickets.Values.Count(n => n > 1)}, not processed when the run stopped: {messages - visible.Count}); " +
            $"ticket rows {ticketRows} = form {formResult.Created} + mail {ticketRows - formResult.Created}");
    }

    public static void RunFuzz(string[] args, string root)
    {
        int inputs = Arg(args, "--inputs", 100_000), seed = Arg(args, "--seed", 8);
        var corpus = Path.Combine(root, "tests", "Helpdesk.Core.Tests", "Email", "Corpus");
        var files = Directory.GetFiles(corpus, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var watch = Stopwatch.StartNew();
        var result = MailFuzz.Run(seed, inputs, files);
        Console.WriteLine($"Mail parser fuzz: {result.Inputs} inputs (seed {seed}) in {watch.Elapsed.TotalSeconds:0.0} s = {result.Inputs / watch.Elapsed.TotalSeconds:0}/s: " +
            $"parsed {result.Parsed}, refused in product words {result.Refused}, crashes {result.Crashes.Count}");
        foreach (var crash in result.Crashes.Take(20))
        {
            Console.WriteLine("  " + crash);
        }
    }

    private static string WithMessageId(string mail, string id, int i)
    {
        var body = MessageIdLine().IsMatch(mail) ? MessageIdLine().Replace(mail, $"Message-ID: <{id}>", 1) : $"Message-ID: <{id}>\r\n" + mail;
        return FromLine().Replace(body, m => m.Value.Replace("@", $"+b{i % 200}@", StringComparison.Ordinal), 1);
    }

    private static string MessageIdOf(string mail) => MessageIdLine().Match(mail).Value["Message-ID: <".Length..^1];

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex(@"^Message-ID:[^\r\n]*", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdLine();

    [GeneratedRegex(@"^From:[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex FromLine();
}
