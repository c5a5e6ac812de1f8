using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>Renders request and response bytes on one line for failure messages: control and non-ASCII bytes escaped.</summary>
public static class Printable
{
    public static string Bytes(ReadOnlySpan<byte> bytes, int max)
    {
        var text = new StringBuilder();
        foreach (var b in bytes[..Math.Min(bytes.Length, max)])
        {
            _ = b switch
            {
                (byte)'\r' => text.Append("\\r"),
                (byte)'\n' => text.Append("\\n"),
                (byte)'\t' => text.Append("\\t"),
                (byte)'\\' => text.Append("\\\\"),
                >= 0x20 and < 0x7F => text.Append((char)b),
                _ => text.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
            };
        }

        if (bytes.Length > max)
        {
            text.Append('…');
        }

        return text.ToString();
    }

    public static string Text(string value, int max) => Bytes(Encoding.UTF8.GetBytes(value), max);
}
