using Helpdesk.Core.Email;

namespace Helpdesk.Core.Tests.Email;

/// <summary>Each message of our corpus is read and classified as its manifest row says (kind, subject, text, attachments, language, charset trouble).</summary>
public class MailCorpusTests
{
    public static TheoryData<string> Rows() => [.. MailCorpus.Manifest(MailCorpus.Folder).Select(r => r[0])];

    [Fact]
    public void Corpus_HasAtLeast25Messages_AllInTheManifest()
    {
        var files = MailCorpus.Files().ToList();
        Assert.True(files.Count >= 25, $"{files.Count} messages");
        Assert.Equal(files, MailCorpus.Manifest(MailCorpus.Folder).Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void CorpusMessage_ReadAndClassified_AsTheManifestSays(string file)
    {
        var row = MailCorpus.Manifest(MailCorpus.Folder).Single(r => r[0] == file);
        var raw = MailCorpus.Read(file);
        if (row[1] == "unreadable")
        {
            Assert.Throws<UnreadableMailException>(() => MailParser.Parse(raw));
            return;
        }

        var mail = MailParser.Parse(raw);
        var kind = MailClassifier.Classify(mail, a => a.Equals("support@helpdesk.test", StringComparison.OrdinalIgnoreCase), _ => false);
        Assert.Equal(row[1], Wire(kind.Kind));
        Assert.Contains(row[2], mail.Subject, StringComparison.Ordinal);
        Assert.Contains(row[3], mail.Text, StringComparison.Ordinal);
        Assert.Equal(int.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture), mail.Attachments.Count);
        Assert.Equal(row[5], LanguageGuess.Guess(mail.DeclaredLanguage, mail.Subject, mail.Text));
        Assert.Equal(bool.Parse(row[6]), mail.DecodingTrouble);
        Assert.NotNull(mail.Requester);
    }

    [Fact]
    public void HtmlOnlyMail_TextIsReadable_AndKeptHtmlIsSanitized()
    {
        var mail = MailParser.Parse(MailCorpus.Read("03-html-only.eml"));

        Assert.Equal("Bonjour,\n\nMon écran reste noir au démarrage.\n\n- PC portable\n- Windows 11", mail.Text);
        Assert.DoesNotContain("<script", mail.SanitizedHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", mail.SanitizedHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", mail.SanitizedHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>noir</b>", mail.SanitizedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounce_NamesTheReturnedMessageId_AndTheDeliveryStatus()
    {
        var mail = MailParser.Parse(MailCorpus.Read("20-dsn-bounce.eml"));

        Assert.Contains("corpus-01@mail.example.be", mail.ReferencedIds);
        Assert.Equal("failed 5.1.1 for nobody@example.be", mail.DeliveryStatus);
    }

    [Fact]
    public void MessageWithoutMessageId_DedupedByContent_TheSameAfterARelayAddsHeaders()
    {
        var raw = MailCorpus.Read("22-no-message-id.eml");
        var relayed = System.Text.Encoding.ASCII.GetBytes("Received: from relay.example by mx.helpdesk.test; Sat, 07 Nov 2026 10:00:00 +0100\r\n").Concat(raw).ToArray();

        var first = MailParser.Parse(raw);
        Assert.StartsWith("sha:", first.DedupeKey, StringComparison.Ordinal);
        Assert.Equal(first.DedupeKey, MailParser.Parse(relayed).DedupeKey);
        Assert.NotEqual(first.DedupeKey, MailParser.Parse(MailCorpus.Read("01-plain-fr.eml")).DedupeKey);
    }

    [Fact]
    public void ForwardedMessage_KeptAsAnEmlAttachment()
    {
        var mail = MailParser.Parse(MailCorpus.Read("16-forwarded.eml"));

        var forwarded = Assert.Single(mail.Attachments);
        Assert.Equal("alerte.eml", forwarded.FileName);
        Assert.Equal("message/rfc822", forwarded.ContentType);
    }

    [Fact]
    public void TwentyMegabyteMessage_ParsedWithItsAttachment()
    {
        var payload = new byte[15 * 1024 * 1024];
        new Random(20).NextBytes(payload);
        var raw = System.Text.Encoding.ASCII.GetBytes(string.Join("\r\n",
            "From: Big Sender <big@example.be>", "To: support@helpdesk.test", "Subject: Gros fichier", "Message-ID: <big-20mb@example.be>",
            "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"big\"", "", "--big", "Content-Type: text/plain; charset=utf-8", "",
            "Voici le fichier.", "--big", "Content-Type: application/octet-stream; name=\"dump.bin\"", "Content-Transfer-Encoding: base64", "",
            Convert.ToBase64String(payload, Base64FormattingOptions.InsertLineBreaks), "--big--", ""));

        Assert.True(raw.Length > 20_000_000, $"{raw.Length} bytes");
        var mail = MailParser.Parse(raw);

        Assert.Equal(payload, Assert.Single(mail.Attachments).Content);
    }

    private static string Wire(MailKind kind) => kind switch
    {
        MailKind.Person => "person",
        MailKind.Automated => "automated",
        MailKind.AutoReply => "auto-reply",
        MailKind.Bounce => "bounce",
        _ => "own-mail",
    };
}
