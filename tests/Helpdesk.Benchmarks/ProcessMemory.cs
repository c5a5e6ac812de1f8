using System.Globalization;

namespace Helpdesk.Benchmarks;

/// <summary>
/// A process's memory from <c>/proc/&lt;pid&gt;/status</c>, in MiB: working set (<c>VmRSS</c>), its private part
/// (<c>RssAnon</c>: heap and stacks, not shared files), peak working set (<c>VmHWM</c>) and private address space
/// (<c>VmData</c>, what Windows calls private bytes, reserved or not).
/// </summary>
internal sealed record ProcessMemory(double WorkingSetMb, double PrivateResidentMb, double PeakWorkingSetMb, double PrivateBytesMb)
{
    public static ProcessMemory Read(int pid)
    {
        var fields = File.ReadLines($"/proc/{pid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
        double Mb(string name) => fields.TryGetValue(name, out var value)
            ? long.Parse(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) / 1024.0
            : double.NaN;
        return new ProcessMemory(Mb("VmRSS"), Mb("RssAnon"), Mb("VmHWM"), Mb("VmData"));
    }

    public override string ToString() =>
        $"working set (VmRSS) {WorkingSetMb:0} MB, private resident (RssAnon) {PrivateResidentMb:0} MB, peak (VmHWM) {PeakWorkingSetMb:0} MB, private bytes (VmData) {PrivateBytesMb:0} MB";
}
