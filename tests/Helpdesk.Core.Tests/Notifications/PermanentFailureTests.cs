using Helpdesk.Core.Notifications;
using Helpdesk.Core.Storage;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Tests.Notifications;

/// <summary>What counts as a mail that will never reach its recipient, and the acknowledgment limit's setting.</summary>
public class PermanentFailureTests
{
    private static OutgoingEmail Mail(string to) => new(
        new EmailAddress("support@helpdesk.test", "IT Support"), [new EmailAddress(to, "Someone")], "[#1] Reçu", "Bonjour", null, "<ticket-1-ack@helpdesk.test>");

    [Theory]
    [InlineData("a.@example.be")]
    [InlineData(".a@example.be")]
    [InlineData("a..b@example.be")]
    public void AnAddressMimeKitRefuses_IsPermanent_AndSaysSo(string address)
    {
        var ex = Assert.Throws<PermanentEmailFailureException>(() => SmtpEmailSender.ToMime(Mail(address)));

        Assert.Equal(address, ex.Recipient);
        Assert.Equal("the address is not valid", ex.Reason);
        Assert.IsType<ParseException>(ex.InnerException);
    }

    [Fact]
    public void AValidAddress_Builds()
    {
        using var message = SmtpEmailSender.ToMime(Mail("marie@example.be"));

        Assert.Equal("marie@example.be", message.To.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 No such user", true)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, "Mailbox name not allowed", true)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.UserNotLocalTryAlternatePath, "User not local", true)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.SyntaxError, "5.1.3 Bad recipient address syntax", true)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.7.1 Relaying denied", false)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "4.2.1 Try again later", false)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.InsufficientStorage, "4.3.1 Out of storage", false)]
    [InlineData(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, "Sender refused", false)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "Spam", false)]
    public void OnlyAPermanentRefusalOfTheMailbox_IsPermanent(SmtpErrorCode error, SmtpStatusCode status, string text, bool permanent)
    {
        var exception = new SmtpCommandException(error, status, new MailboxAddress("", "x@example.be"), text);

        Assert.Equal(permanent, SmtpEmailSender.IsPermanentRecipientFailure(exception));
    }

    [Fact]
    public void PermanentFailures_AreEmailSendExceptions_NotTransientOnes()
    {
        EmailSendException ex = new PermanentEmailFailureException("refused", "x@example.be", "the address is not valid");

        Assert.IsNotType<TransientEmailSendException>(ex);
    }

    [Fact]
    public void AcknowledgmentLimit_DefaultsToFive()
    {
        using var services = Services([]);

        Assert.Equal(5, services.GetRequiredService<IOptions<NotificationOptions>>().Value.MaxAcknowledgmentsPerRecipientPerHour);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    public void AcknowledgmentLimit_OutOfRange_StopsTheHostNamingTheSetting(string value)
    {
        using var services = Services(new() { ["Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour"] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NotificationOptions>>().Value);
        Assert.Contains("Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour must be between 1 and 1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcknowledgmentLimit_IsBoundFromItsSetting()
    {
        using var services = Services(new() { ["Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour"] = "12" });

        Assert.Equal(12, services.GetRequiredService<IOptions<NotificationOptions>>().Value.MaxAcknowledgmentsPerRecipientPerHour);
    }

    [Fact]
    public void RecipientPartition_IgnoresCaseAndBlanks_AndHidesTheAddress()
    {
        Assert.Equal(AcknowledgmentLimiter.Partition("marie@example.be"), AcknowledgmentLimiter.Partition(" Marie@Example.BE "));
        Assert.DoesNotContain("marie", AcknowledgmentLimiter.Partition("marie@example.be"), StringComparison.Ordinal);
        Assert.Equal("2026120309", AcknowledgmentLimiter.HourRow(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.FromHours(1))));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings["Helpdesk:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        settings["Helpdesk:Signing:Key"] = "dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OQ==";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddHelpdeskStorage().AddHelpdeskNotifications();
        return services.BuildServiceProvider();
    }
}
