using Helpdesk.Core.Intake;
using Helpdesk.Core.Localization;

namespace Helpdesk.Core.Tests.Intake;

public class FormPageTests
{
    [Fact]
    public void French_Form_HasLabelsForEveryFieldAndTheToken()
    {
        var html = FormPage.Render("fr", new IntakeOptions(), "tok123");

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        foreach (var field in new[] { "name", "email", "phone", "subject", "description", "category", "assetTag", "attachments" })
        {
            Assert.Contains($"<label for=\"{field}\">", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<legend>Qui est concerné ?", html, StringComparison.Ordinal);
        Assert.Contains("name=\"formToken\" value=\"tok123\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreSummarizedLinkedAndTheUsersTextIsKept_Escaped()
    {
        var values = new TicketSubmission { Name = "<script>alert(1)</script>", Subject = "Imprimante \"HP\"" };
        var errors = new Dictionary<string, string> { ["email"] = "Ce champ est obligatoire." };

        var html = FormPage.Render("fr", new IntakeOptions(), "t", values, errors);

        Assert.Contains("class=\"error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        // The summary names the field; the message beside the field stays short.
        Assert.Contains("<a href=\"#email\">Indiquez votre adresse e-mail</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"email-error\">Ce champ est obligatoire.</p>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"email-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Imprimante &quot;HP&quot;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTextKey_ExistsInBothLanguages()
    {
        Assert.Equal(Texts.French.Keys.Order(StringComparer.Ordinal), Texts.English.Keys.Order(StringComparer.Ordinal));
    }
}
