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
    public void ControlCharacters_AreRemovedFromTheDescription_WhichKeepsNewlinesAndTabs()
    {
        var outcome = Validator.Validate(Valid() with { Description = "Ecran\u0000 noir\u001b\r\n\tdepuis ce matin" }, "fr");

        Assert.Equal("Ecran noir\n\tdepuis ce matin", outcome.Valid!.Description);
    }

    [Theory]
    [InlineData("name", "Marie\u200BDubois")]
    [InlineData("name", "Marie\u0000Dubois")]
    [InlineData("name", "\uFEFFMarie")]
    [InlineData("subject", "Ecran\u001b noir")]
    [InlineData("subject", "Ecran\nnoir")]
    [InlineData("subject", "Écran\u2060noir")]
    [InlineData("subject", "facture\u202Efdp.exe")]
    public void InvisibleOrControlCharacters_InNameOrSubject_AreRefused(string field, string value)
    {
        var submission = field == "name" ? Valid() with { Name = value } : Valid() with { Subject = value };

        var outcome = Validator.Validate(submission, "en");

        Assert.Equal("This field contains invisible or control characters: remove them.", outcome.Errors[field]);
    }

    [Fact]
    public void ALoneSurrogate_InTheSubject_IsRefused()
    {
        // Built in code: attribute arguments cannot carry half a surrogate pair.
        var outcome = Validator.Validate(Valid() with { Subject = "Écran " + (char)0xD800 + " noir" }, "fr");

        Assert.StartsWith("Ce champ contient des caractères invisibles", outcome.Errors["subject"], StringComparison.Ordinal);
        Assert.True(Validator.Validate(Valid() with { Subject = "Écran 😀 noir" }, "fr").IsValid);
    }

    [Theory]
    [InlineData("marie@example.be")]
    [InlineData("marie.dubois+it@example.be")]
    [InlineData("o'brien@sub.example.co.uk")]
    [InlineData("élodie@exemple.be")]
    [InlineData("marie@bücher.de")]
    [InlineData("a@b-c.be")]
    public void Addresses_TheMailerCanSendTo_AreAccepted(string email)
    {
        Assert.True(Validator.Validate(Valid() with { Email = email }, "fr").IsValid, email);
    }

    [Theory]
    [InlineData("a.@example.be")]
    [InlineData(".a@example.be")]
    [InlineData("a..b@x.be")]
    [InlineData("a@x..be")]
    [InlineData("a@x")]
    [InlineData("a@-x.be")]
    [InlineData("a@x_y.be")]
    [InlineData("a@[192.168.1.1]")]
    [InlineData("a@x.be.")]
    [InlineData("Marie <marie@example.be>")]
    [InlineData("marie@example.be, paul@example.be")]
    [InlineData("ma rie@example.be")]
    [InlineData("marie@")]
    [InlineData("@example.be")]
    [InlineData("ma\u200Brie@example.be")]
    [InlineData("marie@exa\u200Cmple.be")]
    [InlineData("marie\u200D@example.be")]
    [InlineData("\uFEFFmarie@example.be")]
    [InlineData("marie@exam\u2060ple.be")]
    [InlineData("ma\u0001rie@example.be")]
    [InlineData("marie\u0000@example.be")]
    public void Addresses_TheStrictParserRefuses_GetTheEmailError(string email)
    {
        var outcome = Validator.Validate(Valid() with { Email = email }, "fr");

        Assert.Equal("Saisissez une adresse e-mail valide, par exemple marie@exemple.be.", outcome.Errors["email"]);
    }

    [Fact]
    public void Addresses_FollowRfc5321Lengths()
    {
        var local64 = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 3)) + ".be"; // 186 characters

        Assert.True(Validator.Validate(Valid() with { Email = $"{local64}@example.be" }, "fr").IsValid);
        Assert.False(Validator.Validate(Valid() with { Email = $"{local64}a@example.be" }, "fr").IsValid);
        Assert.True(Validator.Validate(Valid() with { Email = $"{local64}@{domain}" }, "fr").IsValid); // 251 in all
        Assert.False(Validator.Validate(Valid() with { Email = $"{local64}@dddd{domain}" }, "fr").IsValid); // 255 in all
        Assert.False(Validator.Validate(Valid() with { Email = $"a@{new string('d', 64)}.be" }, "fr").IsValid); // label over 63
    }

    [Theory]
    [InlineData("category", "hardware,software")]
    [InlineData("category", "hardware, software")]
    [InlineData("impact", " team, organization ")]
    [InlineData("impact", "Team|Organization")]
    [InlineData("impact", "0")]
    [InlineData("impact", "1")]
    [InlineData("canWork", "yes,no")]
    [InlineData("canWork", "no ,")]
    [InlineData("lang", "fr,en")]
    [InlineData("lang", "fr-BE")]
    [InlineData("lang", "nl")]
    public void ChoiceFields_TakeExactlyOneValue(string field, string value)
    {
        var submission = field switch
        {
            "category" => Valid() with { Category = value },
            "impact" => Valid() with { Impact = value },
            "canWork" => Valid() with { CanWork = value },
            _ => Valid() with { Lang = value },
        };

        var outcome = Validator.Validate(submission, "en");

        Assert.Equal("Choose one of the options.", outcome.Errors[field]);
    }

    [Fact]
    public void ChoiceFields_IgnoreCaseAndSurroundingSpaces()
    {
        var outcome = Validator.Validate(Valid() with { Category = " Business-Software ", Impact = "TEAM", Lang = " EN " }, "fr");

        Assert.Equal(Category.BusinessSoftware, outcome.Valid!.Category);
        Assert.Equal(Impact.Team, outcome.Valid.Impact);
        Assert.Equal("en", outcome.Valid.Requester.Language);
    }
}
