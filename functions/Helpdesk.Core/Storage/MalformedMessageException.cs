
namespace Helpdesk.Core.Storage;

/// <summary>A queue message that can never be processed; the queue host sends it to the poison queue at once.</summary>
public sealed class MalformedMessageException(string message, Exception? inner = null) : Exception(message, inner);
