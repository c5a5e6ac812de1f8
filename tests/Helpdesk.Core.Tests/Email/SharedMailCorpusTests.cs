using System.Text.RegularExpressions;
using Helpdesk.Core.Email;
using Xunit.Abstractions;

namespace Helpdesk.Core.Tests.Email;

/// <summary>
/// The shared real-world corpus (<c>../shared/mail-corpus</c>: 60 messages from other projects' test suites, with a
/// manifest of what a helpdesk should do with each). Its licences forbid copying it into this repository, so it is
/// read in place where it exists (the build machines of this project); elsewhere there is nothing to check.
/// Each message must get its manifest outcome as far as the parser and the loop rules decide it: the kind (new
/// request, automatic reply, bounce, no automatic answer, rejected) and, for replies and bounces, the Message-ID it
/// must be threaded or recorded by (found among its threading or returned ids).
/// </summary>
public partial class SharedMailCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void SharedCorpus_EachMessageGetsItsManifestOutcome()
    {
        if (!Directory.Exists(MailCorpus.SharedFolder))
        {
            output.WriteLine($"{MailCorpus.SharedFolder} is not on this machine: nothing to check.");
            return;
        }

        var failures = new List<string>();
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in MailCorpus.Manifest(MailCorpus.SharedFolder))
        {
            var (file, expected) = (row[0], row[4]);
            var outcome = Outcome(File.ReadAllBytes(Path.Combine(MailCorpus.SharedFolder, file)), out var ids);
            var ok = Check(expected, outcome, ids, out var want);
            tally[want + (ok ? " ok" : " FAILED")] = tally.GetValueOrDefault(want + (ok ? " ok" : " FAILED")) + 1;
            output.WriteLine($"{(ok ? "ok  " : "FAIL")} {file}: {outcome} (manifest: {expected})");
            if (!ok)
            {
                failures.Add($"{file}: got {outcome}, manifest says {expected}");
            }
        }

        foreach (var (outcome, count) in tally)
        {
            output.WriteLine($"{count,3} {outcome}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Outcome(byte[] raw, out IReadOnlyList<string> ids)
    {
        ids = [];
        try
        {
            var mail = MailParser.Parse(raw);
            ids = [.. mail.ThreadIds.Concat(mail.ReferencedIds)];
            return MailClassifier.Classify(mail, a => a.Equals("support@helpdesk.test", StringComparison.OrdinalIgnoreCase), _ => false).Kind switch
            {
                MailKind.Person => "ticket",
                MailKind.Automated => "ticket-no-auto-answer",
                MailKind.AutoReply => "auto-reply",
                MailKind.Bounce => "bounce",
                _ => "own-mail",
            };
        }
        catch (UnreadableMailException)
        {
            return "rejected";
        }
    }

    private static bool Check(string expected, string outcome, IReadOnlyList<string> ids, out string want)
    {
        var id = MessageId().Match(expected) is { Success: true } m ? m.Groups[1].Value : null;
        var idFound = id is null || ids.Contains(id);
        if (expected.StartsWith("reject", StringComparison.Ordinal))
        {
            want = "rejected with a clear error";
            return outcome == "rejected";
        }

        if (expected.StartsWith("do not open ticket", StringComparison.Ordinal) || (expected.StartsWith("record on timeline", StringComparison.Ordinal) && expected.Contains("temporary delay", StringComparison.Ordinal)))
        {
            want = "bounce recorded on its ticket, no ticket";
            return outcome == "bounce" && idFound;
        }

        if (expected.StartsWith("record on timeline", StringComparison.Ordinal))
        {
            want = "automatic reply noted, no answer";
            return outcome == "auto-reply" && idFound;
        }

        if (expected.StartsWith("ignore", StringComparison.Ordinal))
        {
            want = "no automatic answer";
            return outcome is "auto-reply" or "ticket-no-auto-answer";
        }

        if (expected.StartsWith("thread into existing ticket", StringComparison.Ordinal))
        {
            want = "threaded into its ticket";
            return outcome is "ticket" or "ticket-no-auto-answer" && idFound;
        }

        if (expected.Contains("no auto-answer", StringComparison.Ordinal) || expected.Contains("without any auto-answer", StringComparison.Ordinal))
        {
            want = "new ticket, no automatic answer";
            return outcome == "ticket-no-auto-answer";
        }

        want = "new ticket";
        return outcome is "ticket" or "ticket-no-auto-answer";
    }

    [GeneratedRegex(@"<([^<>\s]+@[^<>\s]+)>")]
    private static partial Regex MessageId();
}
