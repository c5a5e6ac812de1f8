using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Intake;

public class SubmissionValidatorTests
{
    private static readonly SubmissionValidator Validator = new(new IntakeOptions());

    internal static TicketSubmission Valid() => new()
    {
        Name = "  Marie Dubois ",
        Email = "Marie.Dubois@Example.be",
        Phone = "+32 2 123 45 67",
        Subject = "Écran noir",
        Description = "Mon écran reste noir depuis ce matin.\r\nJ'ai redémarré.",
        Category = "hardware",
        Impact = "individual",
        CanWork = "no",
        AssetTag = "pc-0042",
    };

    [Fact]
    public void ValidSubmission_IsTrimmedTypedAndNormalized()
    {
        var outcome = Validator.Validate(Valid(), "fr");

        Assert.True(outcome.IsValid);
        var v = outcome.Valid!;
        Assert.Equal("Marie Dubois", v.Requester.Name);
        Assert.Equal("marie.dubois@example.be", v.Requester.Email);
        Assert.Equal(Category.Hardware, v.Category);
        Assert.Equal(CanWork.No, v.CanWork);
        Assert.Equal("PC-0042", v.AssetTag);
        Assert.Equal("Mon écran reste noir depuis ce matin.\nJ'ai redémarré.", v.Description);
        Assert.Equal("fr", v.Requester.Language);
    }

    [Fact]
    public void MissingFields_EachGetAMessage_InFrench()
    {
        var outcome = Validator.Validate(new TicketSubmission(), "fr");

        Assert.False(outcome.IsValid);
        Assert.Equal(["canWork", "category", "description", "email", "impact", "name", "subject"], outcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Ce champ est obligatoire.", outcome.Errors["name"]);
    }

    [Fact]
    public void BadValues_GetSpecificMessages_InEnglish()
    {
        var outcome = Validator.Validate(Valid() with { Email = "marie@", Category = "coffee-machine", Phone = "call me", AssetTag = "PC 42!" }, "en");

        Assert.StartsWith("Enter a valid email", outcome.Errors["email"], StringComparison.Ordinal);
        Assert.Equal("Choose one of the options.", outcome.Errors["category"]);
        Assert.StartsWith("Enter a valid phone", outcome.Errors["phone"], StringComparison.Ordinal);
        Assert.StartsWith("Use only letters", outcome.Errors["assetTag"], StringComparison.Ordinal);
    }

    [Fact]
    public void TooLongDescription_IsRefusedWithTheLimit()
    {
        var outcome = Validator.Validate(Valid() with { Description = new string('x', 8001) }, "en");

        Assert.Equal("This field is too long (at most 8000 characters).", outcome.Errors["description"]);
    }

    [Fact]
    public void ControlCharacters_AreRemoved()
    {
        var outcome = Validator.Validate(Valid() with { Subject = "Ecran\u0000 noir\u001b" }, "fr");

        Assert.Equal("Ecran noir", outcome.Valid!.Subject);
    }
}
