using System.Net;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// A send that may succeed later (throttled, service error, network, operation still running at the timeout).
/// The caller lets it propagate: the queue message is retried, and the deterministic Operation-Id lets ACS dedupe.
/// </summary>
public sealed class TransientEmailSendException : EmailSendException
{
    public TransientEmailSendException() { }

    public TransientEmailSendException(string message) : base(message) { }

    public TransientEmailSendException(string message, Exception? inner) : base(message, inner) { }

    public TransientEmailSendException(string message, HttpStatusCode? statusCode, TimeSpan? retryAfter, Exception? inner = null)
        : base(message, statusCode, inner) => RetryAfter = retryAfter;

    public TimeSpan? RetryAfter { get; }
}
