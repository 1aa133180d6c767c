using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>
/// What the rules share: the binding, the target, where each value is, and the values libxl derives that several
/// rules need (the device model, the VGA card, memory and maxmem).
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<Diagnostic> _diagnostics = [];

    public ValidationContext(BindResult binding, ValidationOptions options)
    {
        Binding = binding;
        Options = options;
        Config = binding.Config;
        Guest = binding.GuestType;
        FileStart = SourceLocation.Create(binding.Document.Path, new TextSpan(0, 0), binding.Document.Lines);
    }

    public BindResult Binding { get; }

    public ValidationOptions Options { get; }

    public DomainConfig Config { get; }

    public GuestType Guest { get; }

    public bool IsHvm => Guest == GuestType.Hvm;

    public bool IsPv => Guest == GuestType.Pv;

    public XenVersion Version => Options.XenVersion;

    public SourceLocation FileStart { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The name of the target toolstack in messages.</summary>
    public string Tool => Options.Toolstack == Toolstack.Xm ? "xm" : "xl";

    /// <summary>The device model libxl uses: the one set, else qemu-xen-traditional for an HVM stub domain before 4.21, else qemu-xen.</summary>
    public DeviceModelVersion DeviceModel =>
        Config.DeviceModelVersion?.Value is { } set ? set
        : IsHvm && Config.DeviceModelStubdomain == true && Version < new XenVersion(4, 21) ? DeviceModelVersion.QemuXenTraditional
        : DeviceModelVersion.QemuXen;

    public bool IsTraditional => DeviceModel == DeviceModelVersion.QemuXenTraditional;

    /// <summary>The emulated card xl and libxl choose: <c>vga</c>, else <c>stdvga</c>, else Cirrus.</summary>
    public VgaKind VgaKind =>
        Config.Vga?.Value is { } vga ? vga : Config.StdVga == true ? VgaKind.Std : VgaKind.Cirrus;

    /// <summary>maxmem as libxl gets it: <c>maxmem</c>, else the vNUMA nodes' sizes, else <c>memory</c>.</summary>
    public long? MaxMemoryMiB => Config.MaxMemoryMiB ?? VnumaMemoryMiB ?? Config.MemoryMiB;

    /// <summary>The sum of the vNUMA nodes' sizes, or <see langword="null"/> without vNUMA.</summary>
    public long? VnumaMemoryMiB
    {
        get
        {
            if (Config.VnumaNodes is not { Count: > 0 } nodes)
            {
                return null;
            }

            ulong sum = 0;
            foreach (ValueList<VnumaOption> node in nodes)
            {
                foreach (VnumaOption option in node)
                {
                    sum += option.Key == VnumaKey.Size && option.Number is { } size ? size : 0;
                }
            }

            return sum > long.MaxValue ? long.MaxValue : (long)sum;
        }
    }

    /// <summary>Whether HVM/PVH populate-on-demand is on: memory below maxmem.</summary>
    public bool PopulateOnDemand => !IsPv && Config.MemoryMiB is { } memory && MaxMemoryMiB is { } max && memory < max;

    /// <summary>The kernel libxl gets: xl drops an HVM <c>kernel</c> whose file name is <c>hvmloader</c>.</summary>
    public string? EffectiveKernel => IsHvm && IsHvmloader(Config.Kernel) ? null : Config.Kernel;

    public static bool IsHvmloader(string? kernel) =>
        kernel is not null && Path.GetFileName(kernel.TrimEnd('/')) == "hvmloader";

    /// <summary>Whether the file sets a key (to a value the toolstack could type).</summary>
    public bool Sets(string key) => Binding.TryGetLocation(key, out _) && (!OptionCatalog.TryGet(key, out OptionDefinition? o) || o.GetValue(Config) is not null);

    /// <summary>Where a key's value is; the start of the file when the file does not set it.</summary>
    public SourceLocation Locate(string key) => Binding.TryGetLocation(key, out SourceLocation location) ? location : FileStart;

    /// <summary>Where the first of some keys the file sets is; the start of the file when it sets none.</summary>
    public SourceLocation LocateFirst(params string[] keys)
    {
        foreach (string key in keys)
        {
            if (Binding.TryGetLocation(key, out SourceLocation location))
            {
                return location;
            }
        }

        return FileStart;
    }

    /// <summary>Where item <paramref name="index"/> of a list value is.</summary>
    public SourceLocation LocateItem(string key, int index) =>
        Binding.TryGetItemLocation(key, index, out SourceLocation location) ? location : Locate(key);

    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, location, args));

    public void Report(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, SourceLocation location, params object?[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, severity, location, args));

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
