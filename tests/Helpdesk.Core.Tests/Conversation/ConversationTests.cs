using Helpdesk.Core;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tests.Conversation;

public class ConversationTests
{
    private const string Key = "dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OQ==";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero); // a Monday, 10:00 in Brussels
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static StatusLinks Links(string key = Key, int days = 90) =>
        new(new Signer(Options.Create(new SigningOptions { Key = key })), Options.Create(new HelpdeskOptions { PublicBaseUrl = new Uri("https://help.example.be") }),
            Options.Create(new ConversationOptions { StatusLinkDays = days }));

    [Fact]
    public void StatusLink_VerifiesForItsTicketAndRequesterOnly_AndCarriesItsExpiry()
    {
        var links = Links();
        var token = links.Token(1042, "Marie@Example.be", T0);

        Assert.True(StatusLinks.TryParse(token, out var number, out var expires));
        Assert.Equal(1042, number);
        Assert.Equal(T0.AddDays(90), expires);
        Assert.True(links.Verify(token, 1042, "marie@example.be"));
        Assert.False(links.Verify(token, 1043, "marie@example.be"));
        Assert.False(links.Verify(token, 1042, "paul@example.be"));
        Assert.False(Links(Convert.ToBase64String(new byte[32])).Verify(token, 1042, "marie@example.be"));
        Assert.Equal($"https://help.example.be/api/status/{token}", links.Url(1042, "marie@example.be", T0).ToString());
        Assert.Equal(token, links.Token(1042, "marie@example.be", T0)); // a mail sent again carries the same link
    }

    [Theory]
    [InlineData("")]
    [InlineData("1042")]
    [InlineData("01042-1800000000-00112233445566778899aabbccddeeff")]
    [InlineData("1042-18x0000000-00112233445566778899aabbccddeeff")]
    [InlineData("1042-1800000000-0011")]
    [InlineData("1042-1800000000-00112233445566778899aabbccddeeff-1")]
    public void MalformedToken_DoesNotParse(string token) => Assert.False(StatusLinks.TryParse(token, out _, out _));

    [Fact]
    public void FormToken_IsForItsLinkAndExpiresAfter12Hours()
    {
        var links = Links();
        var form = links.FormToken("1042-1-ab", T0);

        Assert.True(links.VerifyFormToken("1042-1-ab", form, T0.AddHours(11)));
        Assert.False(links.VerifyFormToken("1042-1-ab", form, T0.AddHours(13)));
        Assert.False(links.VerifyFormToken("1043-1-ab", form, T0));
        Assert.False(links.VerifyFormToken("1042-1-ab", null, T0));
        Assert.False(links.VerifyFormToken("1042-1-ab", form.Replace('.', '-'), T0));
    }

    [Theory]
    [InlineData("fr", 0, 5, "au plus tard aujourd'hui à 15:00")]
    [InlineData("fr", 1, 2.5, "au plus tard demain à 12:30")]
    [InlineData("en", 1, 2.5, "by tomorrow at 12:30 at the latest")]
    [InlineData("fr", 3, 0, "au plus tard le jeudi 10 décembre à 10:00")]
    [InlineData("en", 3, 0, "by Thursday 10 December at 10:00 at the latest")]
    public void PromisedTime_IsSaidInDaysAndClockTimes_InTheHelpdesksTimeZone(string lang, int days, double hours, string expected) =>
        Assert.Equal(expected, PromisedTime.Words(lang, T0.AddDays(days).AddHours(hours), T0, Brussels));

    [Fact]
    public void EveryConversationText_ExistsInBothLanguages()
    {
        var (french, english) = ConversationTexts.Keys;
        Assert.Equal(french.Order(StringComparer.Ordinal), english.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(RequesterMailKind.Comment)]
    [InlineData(RequesterMailKind.Question)]
    [InlineData(RequesterMailKind.Resolved)]
    [InlineData(RequesterMailKind.Closed)]
    [InlineData(RequesterMailKind.Reopened)]
    [InlineData(RequesterMailKind.Urgent)]
    public void EveryTemplate_EscapesMarkup_AndLinksTheStatusPage(RequesterMailKind kind)
    {
        const string evil = "<script>alert(1)</script>";
        var model = new RequesterMailModel(7, "Sujet " + evil, "Nom " + evil, "Tech " + evil, "Texte " + evil, Priority.P1,
            new Uri("https://help.example.be/api/status/7-1-ab"), 7, "Support " + evil);

        foreach (var lang in new[] { "fr", "en" })
        {
            var mail = RequesterMailTemplates.Render(kind, lang, model);
            Assert.StartsWith("[#7] ", mail.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
            Assert.Contains("https://help.example.be/api/status/7-1-ab", mail.Text, StringComparison.Ordinal);
            Assert.Contains("href=\"https://help.example.be/api/status/7-1-ab\"", mail.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SubjectWithALineBreak_StaysOneLine()
    {
        var model = new RequesterMailModel(7, "a\r\nBcc: x@evil.test", "n", "t", null, Priority.P3, new Uri("https://h/api/status/x"), 7, "S");
        Assert.DoesNotContain('\n', RequesterMailTemplates.Render(RequesterMailKind.Closed, "en", model).Subject);
    }

    [Theory]
    [InlineData(0, 90, null, false)]
    [InlineData(7, 0, null, false)]
    [InlineData(7, 90, "+32 2 555 12 12", true)]
    [InlineData(7, 90, "call <b>now</b>", false)]
    [InlineData(7, 90, "", true)]
    public void Options_AreValidatedAtStart(int replyDays, int linkDays, string? phone, bool valid)
    {
        var result = new ConversationOptionsValidator().Validate(null,
            new ConversationOptions { ReplyWithinDays = replyDays, StatusLinkDays = linkDays, EmergencyPhone = phone });
        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void MaxTicketAttachments_IsBetween1And100(int max, bool valid)
    {
        var result = new ConversationOptionsValidator().Validate(null, new ConversationOptions { MaxTicketAttachments = max });
        Assert.Equal(valid, result.Succeeded);
        Assert.True(valid || result.FailureMessage?.Contains("Helpdesk:Conversation:MaxTicketAttachments", StringComparison.Ordinal) == true);
    }
}
