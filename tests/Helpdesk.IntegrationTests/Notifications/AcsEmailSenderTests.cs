using System.Net;
using System.Text;
using Helpdesk.Core.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.IntegrationTests.Notifications;

/// <summary>
/// The ACS Email adapter over real HTTP against <see cref="FakeAcsEmailService"/>: a FAKE of Azure Communication
/// Services, allowed here because ACS is an Azure-only edge with no local emulator. The fake verifies the HMAC
/// signature and content hash of every request independently, so a signing bug fails these tests.
/// </summary>
public sealed class AcsEmailSenderTests
{
    private const string Sender = "DoNotReply@0000-fake.azurecomm.net";

    private static OutgoingEmail Mail(string messageId = "<ticket-1042-ack@contoso.be>") => new(
        new EmailAddress("support@contoso.be", "Contoso IT"),
        [new EmailAddress("marie.dupont@contoso.be", "Marie Dupont")],
        "[#1042] Écran noir",
        "Bonjour Marie,\nvotre demande est enregistrée.\n",
        "<p>Bonjour Marie,</p>",
        messageId,
        Headers: new Dictionary<string, string> { ["X-Helpdesk-Ticket"] = "1042" });

    private static AcsEmailSender Sender_(FakeAcsEmailService acs, string? accessKey = null, TimeSpan? timeout = null) => new(
        new HttpClient(),
        Options.Create(new EmailOptions
        {
            Provider = "Acs",
            Acs = { ConnectionString = acs.ConnectionString(accessKey), SenderAddress = Sender, Timeout = timeout ?? TimeSpan.FromSeconds(15), PollInterval = TimeSpan.FromMilliseconds(100) },
        }),
        TimeProvider.System,
        NullLogger<AcsEmailSender>.Instance);

    [Fact]
    public async Task Send_PostsTheMail_PollsUntilSucceeded_HonouringRetryAfter()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();
        var mail = Mail();

        await Sender_(acs).SendAsync(mail, CancellationToken.None);

        var sent = Assert.Single(acs.Accepted);
        Assert.Equal(AcsEmailSender.OperationIdFor(mail.MessageId), sent.OperationId);
        var body = sent.Body;
        Assert.Equal(Sender, (string?)body["senderAddress"]);
        var to = Assert.Single(body["recipients"]!["to"]!.AsArray());
        Assert.Equal("marie.dupont@contoso.be", (string?)to!["address"]);
        Assert.Equal("Marie Dupont", (string?)to["displayName"]);
        Assert.Equal("[#1042] Écran noir", (string?)body["content"]!["subject"]);
        Assert.Equal(mail.TextBody, (string?)body["content"]!["plainText"]);
        Assert.Equal(mail.HtmlBody, (string?)body["content"]!["html"]);
        Assert.Equal("auto-generated", (string?)body["headers"]!["Auto-Submitted"]);
        Assert.Equal("All", (string?)body["headers"]!["X-Auto-Response-Suppress"]);
        Assert.Equal("1042", (string?)body["headers"]!["X-Helpdesk-Ticket"]);
        var replyTo = Assert.Single(body["replyTo"]!.AsArray());
        Assert.Equal("support@contoso.be", (string?)replyTo!["address"]);

        // POST, then GET (Running, Retry-After: 1), then GET (Succeeded) no sooner than a second later.
        var requests = acs.Requests.ToList();
        Assert.Equal(["POST", "GET", "GET"], requests.Select(r => r.Method));
        Assert.Equal("/emails:send?api-version=2023-03-31", requests[0].Target);
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromMilliseconds(950), $"second poll after {requests[2].At - requests[1].At}");
    }

    [Fact]
    public async Task Send_RetriedMail_FollowsTheExistingOperationInsteadOfSendingTwice()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();
        acs.RunningRetryAfterSeconds = 0;
        var sender = Sender_(acs);

        await sender.SendAsync(Mail(), CancellationToken.None);
        await sender.SendAsync(Mail(), CancellationToken.None);

        Assert.Single(acs.Accepted);
        Assert.Equal(2, acs.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Send_WrongAccessKey_FakeAnswers401_SenderThrows()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();

        var ex = await Assert.ThrowsAsync<EmailSendException>(
            () => Sender_(acs, accessKey: FakeAcsEmailService.NewAccessKey()).SendAsync(Mail(), CancellationToken.None));

        Assert.IsNotType<TransientEmailSendException>(ex);
        // A wrong key is configuration, not the recipient's fault: not a permanent failure of the mail (the exact type
        // is asserted above), so it is retried and poisoned where an operator sees it.
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("signature is not valid", ex.Message, StringComparison.Ordinal);
        Assert.Empty(acs.Accepted);
    }

    [Fact]
    public async Task Fake_RefusesABodyThatDoesNotMatchItsContentHash()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(acs.Endpoint, "./emails:send?api-version=2023-03-31"))
        {
            Content = new StringContent("""{"senderAddress":"tampered"}""", Encoding.UTF8, "application/json"),
        };
        AcsRequestSigning.Sign(request, Encoding.UTF8.GetBytes("""{"senderAddress":"signed"}"""), Convert.FromBase64String(acs.AccessKey), DateTimeOffset.UtcNow);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("x-ms-content-sha256", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_OperationFailed_ThrowsWithTheServiceError()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();
        acs.Outcome = FakeAcsOutcome.Fail;
        acs.RunningRetryAfterSeconds = 0;

        // Final for this mail (a retry would only find the same operation): permanent, recorded instead of retried.
        var ex = await Assert.ThrowsAsync<PermanentEmailFailureException>(() => Sender_(acs).SendAsync(Mail(), CancellationToken.None));

        Assert.Equal("marie.dupont@contoso.be", ex.Recipient);
        Assert.Contains("EmailDroppedAllRecipientsSuppressed", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("Failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EmailDroppedAllRecipientsSuppressed", ex.Message, StringComparison.Ordinal);
        Assert.Contains(FakeAcsEmailService.FailureMessage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Throttled429_ThrowsTransientWithRetryAfter()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();
        acs.Outcome = FakeAcsOutcome.Throttle;

        var ex = await Assert.ThrowsAsync<TransientEmailSendException>(() => Sender_(acs).SendAsync(Mail(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.Contains("Too many requests", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_OperationNeverFinishes_TransientAfterTheTimeout()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();
        acs.Outcome = FakeAcsOutcome.NeverFinish;
        acs.RunningRetryAfterSeconds = 0;

        var ex = await Assert.ThrowsAsync<TransientEmailSendException>(
            () => Sender_(acs, timeout: TimeSpan.FromSeconds(1)).SendAsync(Mail(), CancellationToken.None));

        Assert.Contains("did not finish within", ex.Message, StringComparison.Ordinal);
        Assert.True(acs.Requests.Count(r => r.Method == "GET") >= 2);
    }

    [Fact]
    public async Task Send_RecipientRefusedWith400_IsAPermanentFailure_NamingTheRecipient()
    {
        await using var acs = await FakeAcsEmailService.StartAsync();
        acs.Outcome = FakeAcsOutcome.RefuseRecipient;

        var ex = await Assert.ThrowsAsync<PermanentEmailFailureException>(() => Sender_(acs).SendAsync(Mail(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("marie.dupont@contoso.be", ex.Recipient);
        Assert.Contains("InvalidRecipientAddress", ex.Reason, StringComparison.Ordinal);
        Assert.Empty(acs.Accepted);
    }
}
