using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>Writes a multipart/form-data body by hand (CRLF lines), so that any part of it can be broken on purpose.</summary>
public sealed class MultipartWriter(string boundary)
{
    private readonly MemoryStream _body = new();

    public string Boundary { get; } = boundary;

    public string ContentType => $"multipart/form-data; boundary={Boundary}";

    public long Length => _body.Length;

    public MultipartWriter Field(string name, string value) =>
        Part($"Content-Disposition: form-data; name=\"{name}\"", Encoding.UTF8.GetBytes(value));

    public MultipartWriter File(string name, string fileName, string contentType, byte[] content) =>
        Part($"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}", content);

    /// <summary>A part with the given header lines (CRLF-separated, as written) and content.</summary>
    public MultipartWriter Part(string headers, byte[] content)
    {
        Text($"--{Boundary}\r\n{headers}\r\n\r\n");
        Bytes(content);
        return Text("\r\n");
    }

    public MultipartWriter Fields(IEnumerable<(string Name, string Value)> fields)
    {
        foreach (var (name, value) in fields)
        {
            Field(name, value);
        }

        return this;
    }

    public MultipartWriter Text(string text) => Bytes(Encoding.UTF8.GetBytes(text));

    public MultipartWriter Bytes(byte[] bytes)
    {
        _body.Write(bytes);
        return this;
    }

    public MultipartWriter Close() => Text($"--{Boundary}--\r\n");

    public byte[] ToArray() => _body.ToArray();
}
