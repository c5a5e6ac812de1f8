using Helpdesk.Core;
using Helpdesk.Core.Email;
using Helpdesk.Core.Security;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tests.Email;

public sealed class MailThreadAddressesTests
{
    private const string Key = "dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OQ==";
    private const string OtherKey = "b3RoZXItc2lnbmluZy1rZXktMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODk=";

    private static MailThreadAddresses Thread(string key = Key, bool plus = true, string support = "support@contoso.be") =>
        new(new Signer(Options.Create(new SigningOptions { Key = key })),
            Options.Create(new HelpdeskOptions { SupportAddress = support }),
            Options.Create(new MailThreadOptions { PlusAddressing = plus }));

    [Fact]
    public void MessageId_IsStable_AndReadsBackToItsTicket()
    {
        var id = Thread().MessageId(1042, "ack");

        Assert.Equal(id, Thread().MessageId(1042, "ack"));
        Assert.Matches("^<helpdesk\\.1042\\.ack\\.[0-9a-f]{20}@contoso\\.be>$", id);
        Assert.Equal(1042, Thread().TicketOfMessageId(id));
        Assert.Equal(1042, Thread().TicketOfMessageId(id.Trim('<', '>')));
    }

    [Theory]
    [InlineData("<helpdesk.1043.ack.{sig}@contoso.be>")]      // another ticket, same signature
    [InlineData("<helpdesk.1042.comment.{sig}@contoso.be>")]  // another part
    [InlineData("<helpdesk.01042.ack.{sig}@contoso.be>")]     // another spelling of the number
    [InlineData("<helpdesk.1042.ack.{sig}@evil.example>")]    // another domain
    [InlineData("<helpdesk.1042.ack.00000000000000000000@contoso.be>")]
    [InlineData("<helpdesk.1042.ack@contoso.be>")]
    [InlineData("<CAJx1042@mail.gmail.com>")]
    [InlineData("")]
    public void MessageId_ForgedOrForeign_IsNotRecognised(string template)
    {
        var genuine = Thread().MessageId(1042, "ack");
        var sig = genuine.Split('.')[3].Split('@')[0];

        Assert.Null(Thread().TicketOfMessageId(template.Replace("{sig}", sig, StringComparison.Ordinal)));
    }

    [Fact]
    public void MessageId_SignedWithAnotherKey_IsNotRecognised()
    {
        Assert.Null(Thread().TicketOfMessageId(Thread(OtherKey).MessageId(1042, "ack")));
    }

    [Fact]
    public void ReplyTo_IsASignedPlusAddress_ThatReadsBack_InAnyCase()
    {
        var address = Thread().ReplyTo(1042).Address;

        Assert.Matches("^support\\+1042\\.[0-9a-f]{20}@contoso\\.be$", address);
        Assert.Equal(1042, Thread().TicketOfReplyAddress(address));
        Assert.Equal(1042, Thread().TicketOfReplyAddress(address.ToUpperInvariant()));
    }

    [Fact]
    public void ReplyTo_ForgedNumber_OrPlainAddress_IsNotRecognised()
    {
        var address = Thread().ReplyTo(1042).Address;

        Assert.Null(Thread().TicketOfReplyAddress(address.Replace("+1042.", "+1043.", StringComparison.Ordinal)));
        Assert.Null(Thread().TicketOfReplyAddress("support@contoso.be"));
        Assert.Null(Thread().TicketOfReplyAddress("support+1042@contoso.be"));
        Assert.Null(Thread(OtherKey).TicketOfReplyAddress(address));
        // The signature is for a reply address, not a Message-ID: purposes do not mix.
        var sig = address.Split('.')[1].Split('@')[0];
        Assert.Null(Thread().TicketOfMessageId($"<helpdesk.1042.ack.{sig}@contoso.be>"));
    }

    [Fact]
    public void ReplyTo_WithoutPlusAddressing_IsTheSupportAddress()
    {
        Assert.Equal("support@contoso.be", Thread(plus: false).ReplyTo(1042).Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv;SecretName=signing-key)")]
    public void SigningKey_MissingShortOrUnresolved_IsRefusedAtStart(string key)
    {
        var result = new SigningOptionsValidator().Validate(null, new SigningOptions { Key = key });

        Assert.True(result.Failed);
        Assert.StartsWith("Helpdesk:Signing:Key ", result.FailureMessage, StringComparison.Ordinal);
    }
}
