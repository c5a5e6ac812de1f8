using System.Net;

namespace Helpdesk.Core.Notifications;

/// <summary>A mail that could not be sent. Not transient: retrying the same request will fail the same way.</summary>
public class EmailSendException : Exception
{
    public EmailSendException() { }

    public EmailSendException(string message) : base(message) { }

    public EmailSendException(string message, Exception? inner) : base(message, inner) { }

    public EmailSendException(string message, HttpStatusCode? statusCode, Exception? inner = null) : base(message, inner) =>
        StatusCode = statusCode;

    public HttpStatusCode? StatusCode { get; }
}
