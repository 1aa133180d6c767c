using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages;

/// <summary>
/// Which qcow2 backing files an image may make the library open. A backing file name is stored <i>in the image</i>,
/// so whoever wrote the image (a guest writing a qcow2 header into its own raw disk, say) chooses it; following it
/// blindly lets an image read any host file into a conversion. The default, <see cref="None"/>, opens none.
/// </summary>
/// <remarks>
/// <para>Whatever the policy, only regular files are opened: never devices, FIFOs, sockets, anything under
/// <c>/proc</c>, <c>/sys</c> or <c>/dev</c>, the image itself or a file already in the chain. Relative names are
/// resolved against the folder of the image that names them, as QEMU does, and the policy sees the <i>real</i> path
/// (symbolic links and <c>..</c> resolved), so <c>allowed/link -&gt; /etc/shadow</c> is outside <c>allowed</c>.</para>
/// <para>An image read from a stream (<see cref="DiskImage.Open(Stream, DiskImageFormat?, BackingFilePolicy?, bool)"/>)
/// has no folder to resolve names against and no file to check, so only <see cref="FromStreams"/> opens its backing
/// files: the caller maps each name to a stream. Other policies refuse them (<c>XH7022</c>; <see cref="None"/> with
/// <c>XH7011</c>).</para>
/// <para>Immutable; safe to share across threads (a callback must be thread-safe itself).</para>
/// </remarks>
public sealed class BackingFilePolicy
{
    private readonly string[] _folders;
    private readonly Func<BackingFileRequest, bool>? _callback;
    private readonly Func<BackingStreamRequest, Stream?>? _streams;

    private BackingFilePolicy(string[] folders, Func<BackingFileRequest, bool>? callback, Func<BackingStreamRequest, Stream?>? streams = null)
    {
        _folders = folders;
        _callback = callback;
        _streams = streams;
    }

    /// <summary>Gets the policy that opens no backing file (the default): an overlay cannot be read, only described.</summary>
    public static BackingFilePolicy None { get; } = new([], null);

    /// <summary>Gets the folders under which backing files may be opened (real paths); empty for other policies.</summary>
    public IReadOnlyList<string> Folders => _folders;

    /// <summary>Gets a value indicating whether the policy opens no backing file at all.</summary>
    public bool AllowsNone => _folders.Length == 0 && _callback is null && _streams is null;

    /// <summary>Gets a value indicating whether the policy hands streams (<see cref="FromStreams"/>) instead of letting files be opened.</summary>
    internal bool HandsStreams => _streams is not null;

    /// <summary>Allows backing files whose real path lies under one of the folders (symbolic links of the folders themselves are resolved first).</summary>
    /// <param name="folders">The folders; none gives <see cref="None"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folders"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A folder is empty or not a valid path.</exception>
    public static BackingFilePolicy AllowUnder(params string[] folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var real = new List<string>();
        foreach (string folder in folders)
        {
            ArgumentNullException.ThrowIfNull(folder, nameof(folders));
            if (folder.Length == 0 || folder.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("A folder must be a non-empty path.", nameof(folders));
            }

            string full = Path.GetFullPath(folder);
            real.Add(Path.TrimEndingDirectorySeparator(RealPath.Resolve(PhysicalFileSystem.Instance, full).Path));
        }

        return real.Count == 0 ? None : new BackingFilePolicy([.. real.Distinct(StringComparer.Ordinal)], null);
    }

    /// <summary>Asks a callback for each backing file, with its real path; the checks of the remarks apply on top.</summary>
    /// <param name="allow">Returns <see langword="true"/> to open the file. Exceptions it throws reach the caller of the open.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allow"/> is <see langword="null"/>.</exception>
    public static BackingFilePolicy FromCallback(Func<BackingFileRequest, bool> allow)
    {
        ArgumentNullException.ThrowIfNull(allow);
        return new BackingFilePolicy([], allow);
    }

    /// <summary>
    /// Hands the backing files as streams: the callback gets each name as the image stores it and returns a readable,
    /// seekable stream of that image, or <see langword="null"/> to refuse it (<c>XH7011</c>). The library opens no file
    /// itself and makes none of the file checks of the remarks: what the stream holds is the caller's choice. A
    /// backing file of a backing file is asked for in turn, at most 16 deep.
    /// </summary>
    /// <param name="open">Returns the backing image's bytes, which the library then owns (disposed with the image, or at
    /// once when it cannot be used), or <see langword="null"/>. Exceptions it throws reach the caller of the open.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="open"/> is <see langword="null"/>.</exception>
    public static BackingFilePolicy FromStreams(Func<BackingStreamRequest, Stream?> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new BackingFilePolicy([], null, open);
    }

    /// <summary>Describes the policy: <c>none</c>, <c>under /srv/images, /srv/base</c>, <c>callback</c> or <c>streams</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        _streams is not null ? "streams" : _callback is not null ? "callback" : _folders.Length == 0 ? "none" : "under " + string.Join(", ", _folders);

    /// <summary>Asks a <see cref="FromStreams"/> callback for a backing image.</summary>
    internal Stream? OpenStream(BackingStreamRequest request) => _streams!(request);

    /// <summary>Tells whether the policy allows a backing file (before the file type checks).</summary>
    internal bool Allows(BackingFileRequest request)
    {
        if (_streams is not null)
        {
            return false;
        }

        if (_callback is not null)
        {
            return _callback(request);
        }

        foreach (string folder in _folders)
        {
            if (IsUnder(request.ResolvedPath, folder))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsUnder(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }
}

/// <summary>A backing file an image asks to open, as a <see cref="BackingFilePolicy.FromCallback"/> callback sees it.</summary>
/// <param name="ImagePath">The image that names the backing file.</param>
/// <param name="Name">The name as stored in the image.</param>
/// <param name="ResolvedPath">The real path it resolves to (relative to the image's folder; links and <c>..</c> resolved).</param>
public sealed record BackingFileRequest(string ImagePath, string Name, string ResolvedPath);
