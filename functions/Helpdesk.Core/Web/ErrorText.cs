namespace Helpdesk.Core.Web;

/// <summary>
/// What an error answer says: the problem+json title and detail (English, for scripts and logs) and the page's
/// heading and sentence in French and English (for people). Never a detail of the failure itself.
/// </summary>
internal sealed record ErrorText(string Title, string Detail, string FrenchHeading, string French, string EnglishHeading, string English)
{
    public static readonly ErrorText Unexpected = new(
        "An unexpected error occurred",
        "The request could not be completed. Try again in a few minutes; if it keeps happening, contact IT support.",
        "Une erreur est survenue",
        "Votre demande n'a pas pu être traitée. Réessayez dans quelques minutes ; si le problème persiste, contactez le support informatique.",
        "Something went wrong",
        "Your request could not be completed. Try again in a few minutes; if it keeps happening, contact IT support.");

    public static readonly ErrorText RequestBodyTimeout = new(
        "Request body timeout",
        "The request body did not arrive in time, so it was not processed. Check the connection and send it again.",
        "Envoi interrompu",
        "L'envoi de votre demande a pris trop de temps et a été interrompu ; rien n'a été enregistré. Vérifiez votre connexion et réessayez.",
        "Upload stopped",
        "Sending your request took too long and was stopped; nothing was saved. Check your connection and try again.");

    /// <summary>{0}: seconds to wait.</summary>
    public static readonly ErrorText TooManyRequests = new(
        "Too many requests",
        "Too many requests from this address. Retry after {0} seconds.",
        "Trop de demandes",
        "Beaucoup de demandes sont arrivées de votre adresse en peu de temps. Réessayez dans {0} secondes.",
        "Too many requests",
        "Many requests came from your address in a short time. Try again in {0} seconds.");

    /// <summary>{0}: the HTTP reason phrase.</summary>
    public static readonly ErrorText ClientError = new(
        "{0}",
        "The request could not be processed.",
        "Demande impossible",
        "Cette demande n'a pas pu être traitée. Vérifiez l'adresse de la page.",
        "Request not possible",
        "This request could not be processed. Check the address of the page.");

    public ErrorText Format(string argument) => new(
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Title, argument),
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Detail, argument),
        FrenchHeading,
        string.Format(System.Globalization.CultureInfo.InvariantCulture, French, argument),
        EnglishHeading,
        string.Format(System.Globalization.CultureInfo.InvariantCulture, English, argument));
}
