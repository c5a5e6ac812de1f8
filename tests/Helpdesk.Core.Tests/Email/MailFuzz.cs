using System.Text;
using System.Text.Json;
using Helpdesk.Core.Email;

namespace Helpdesk.Core.Tests.Email;

/// <summary>
/// Seeded mutations of the corpus through every inbound parser: the MIME parser and what runs on its result
/// (classifier, language guess, HTML to text), and the Postmark webhook builder. The only failures allowed are the
/// product's own refusals (<see cref="UnreadableMailException"/>, <see cref="WebhookFormatException"/>, invalid JSON):
/// anything else is a crash. Shared by the CI test (a few thousand inputs) and the benchmark mode (100,000).
/// </summary>
public static class MailFuzz
{
    public sealed record Result(int Inputs, int Parsed, int Refused, IReadOnlyList<string> Crashes);

    public static Result Run(int seed, int count, IReadOnlyList<byte[]> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var random = new Random(seed);
        int parsed = 0, refused = 0;
        var crashes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var input = Mutate(random, corpus[random.Next(corpus.Count)]);
            try
            {
                if (i % 10 == 9)
                {
                    using var json = JsonDocument.Parse(PostmarkJson(random, input));
                    _ = WebhookMail.FromPostmark(json.RootElement);
                    parsed++;
                    continue;
                }

                var mail = MailParser.Parse(input);
                _ = MailClassifier.Classify(mail, a => a.Contains("support", StringComparison.Ordinal), id => id.StartsWith("helpdesk.", StringComparison.Ordinal));
                _ = LanguageGuess.Guess(mail.DeclaredLanguage, mail.Subject, mail.Text);
                _ = HtmlText.Convert(Encoding.UTF8.GetString(input));
                parsed++;
            }
            catch (Exception ex) when (ex is UnreadableMailException or WebhookFormatException or JsonException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                crashes.Add($"input {i} (seed {seed}): {ex.GetType().Name}: {ex.Message}");
            }
        }

        return new Result(count, parsed, refused, crashes);
    }

    private static byte[] Mutate(Random random, byte[] source)
    {
        var bytes = new List<byte>(source);
        var edits = random.Next(1, 8);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;                          // flip a byte
                case 1: bytes.Insert(at, (byte)Syntax[random.Next(Syntax.Length)]); break;       // a syntax character
                case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 200))); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;                      // truncate
                case 4: bytes.InsertRange(at, Encoding.ASCII.GetBytes(Pick(random))); break; // a hostile fragment
                case 5: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, random.Next(1, 400)))); break; // duplicate a run
                default: bytes.InsertRange(at, Enumerable.Repeat((byte)random.Next(32, 127), random.Next(1, 3000))); break;
            }
        }

        return [.. bytes];
    }

    private const string Syntax = "\r\n:;=<>\"\\-\0";

    private static string Pick(Random random) => Fragments[random.Next(Fragments.Length)];

    private static readonly string[] Fragments =
    [
        "\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n", "=?utf-8?b?////?=", "=?x-unknown?q?=FF=FE?=", "\r\n\r\n",
        "Content-Transfer-Encoding: base64\r\n", "Content-Type: message/rfc822\r\n\r\n", "<a href=\"javascript:alert(1)\">", "<div><div><div><p>",
        "Auto-Submitted: auto-replied\r\n", "In-Reply-To: <<<>>>\r\n", "From: \"\" <@>\r\n", "Content-Type: text/plain; charset=\"koi8-r\"\r\n",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n",
    ];

    private static string PostmarkJson(Random random, byte[] input)
    {
        var text = Encoding.UTF8.GetString(input, 0, Math.Min(input.Length, 2000));
        var json = JsonSerializer.Serialize(new
        {
            From = random.Next(4) == 0 ? text[..Math.Min(40, text.Length)] : "someone@example.be",
            Subject = text[..Math.Min(80, text.Length)],
            TextBody = text,
            HtmlBody = random.Next(2) == 0 ? text : null,
            Headers = new[] { new { Name = text.Length > 5 ? text[..5] : "X-A", Value = text } },
            Attachments = new[] { new { Name = "a.bin", Content = random.Next(3) == 0 ? text[..Math.Min(10, text.Length)] : Convert.ToBase64String(input.AsSpan(0, Math.Min(input.Length, 100))), ContentType = "x/y" } },
        });
        // Sometimes break the JSON itself.
        return random.Next(5) == 0 && json.Length > 2 ? json.Remove(random.Next(json.Length), 1) : json;
    }
}
