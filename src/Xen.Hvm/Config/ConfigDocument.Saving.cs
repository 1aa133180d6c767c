using Xen.Hvm.Config.Editing;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

public sealed partial class ConfigDocument
{
    /// <summary>
    /// Saves the bytes of <see cref="ToBytes"/> to a file, safely: a symbolic link is followed (its target is written,
    /// the link stays); the file keeps its permissions, owner, group and hard links; a failure never leaves a
    /// half-written config; and nothing is replaced that <paramref name="options"/> does not allow.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">What may be done to an existing file, or <see langword="null"/> for <see cref="ConfigSaveOptions.Default"/>.</param>
    /// <returns>How the file was written, with what a user should know (XH2013 when it was written in place).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="XenConfigException">Nothing was saved: the document comes from a refused edit (XH2020), or the
    /// file could not be written (XH2010), is read-only (XH2011) or exists and may not be replaced (XH2012); the
    /// exception's diagnostics say which. Use <see cref="TrySave"/> to get the same result without an exception.</exception>
    /// <remarks>
    /// <para>Usually a new file is written beside the old one (hidden, mode 0600 while written), flushed to disk, given
    /// the old one's mode, owner and group, and renamed over it; then the folder is flushed. When the file has more than
    /// one hard link, or its owner and group cannot be given to a new file (saving as a user other than the owner), or
    /// the system does not tell them (Unix other than Linux), the file is rewritten in place instead, after a backup
    /// copy beside it that is deleted once the new content is on disk and used to put the old content back if writing
    /// fails; the result then has an XH2013 info. A file without any write permission (0444) is replaced only with
    /// <see cref="ConfigSaveOptions.ReplaceReadOnlyFile"/> (XH2011 otherwise).</para>
    /// <para>A document made by an edit that was refused (XH2008, XH4203, XH4204), or by further edits of one, is never
    /// saved (XH2020): its text lacks that edit.</para>
    /// <para>Extended attributes and ACLs are not copied to the new file when it is renamed over the old one.</para>
    /// </remarks>
    public ConfigSaveResult Save(string path, ConfigSaveOptions? options = null)
    {
        ConfigSaveResult result = Check(path) ?? ConfigFiles.Write(path, ToBytes(), options ?? ConfigSaveOptions.Default);
        return ThrowIfNotSaved(result);
    }

    /// <summary>Saves the document to a file asynchronously, as <see cref="Save(string, ConfigSaveOptions?)"/> does.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">What may be done to an existing file, or <see langword="null"/> for <see cref="ConfigSaveOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the write; the file then keeps its old content (or is not created).</param>
    /// <returns>How the file was written, with what a user should know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="XenConfigException">Nothing was saved (XH2010, XH2011, XH2012, XH2020), as for <see cref="Save(string, ConfigSaveOptions?)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<ConfigSaveResult> SaveAsync(string path, ConfigSaveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ConfigSaveResult result = Check(path)
            ?? await ConfigFiles.WriteAsync(path, ToBytes(), options ?? ConfigSaveOptions.Default, cancellationToken).ConfigureAwait(false);
        return ThrowIfNotSaved(result);
    }

    /// <summary>
    /// Tries to save the document to a file, as <see cref="Save(string, ConfigSaveOptions?)"/> does, reporting a
    /// failure in <paramref name="result"/> instead of throwing.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">What may be done to an existing file, or <see langword="null"/> for <see cref="ConfigSaveOptions.Default"/>.</param>
    /// <param name="result">Whether and how the file was written, with diagnostics (XH2010–XH2014, XH2020).</param>
    /// <returns><see langword="true"/> when the document's bytes are now in the file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public bool TrySave(string path, ConfigSaveOptions? options, out ConfigSaveResult result)
    {
        result = Check(path) ?? ConfigFiles.Write(path, ToBytes(), options ?? ConfigSaveOptions.Default);
        return result.Saved;
    }

    /// <summary>Writes the bytes of <see cref="ToBytes"/> to a stream asynchronously.</summary>
    /// <param name="stream">The stream; it is not closed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(ToBytes(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The result of a save that may not happen (a refused edit), or <see langword="null"/> when it may.</summary>
    private ConfigSaveResult? Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!HasRefusedEdits)
        {
            return null;
        }

        var refusalIds = _editNotes.Where(n => n.Refusal).Select(n => n.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        Diagnostic[] refusals = Diagnostics.Where(d => refusalIds.Contains(d.Id)).ToArray();
        string ids = string.Join(", ", refusals.Select(d => d.Id).Distinct());
        Diagnostic notSaved = ConfigFiles.FileDiagnostic(DiagnosticDescriptors.EditRefusedNotSaved, path, path, ids);
        return ConfigFiles.NotSaved(path, [notSaved, .. refusals]);
    }

    private static ConfigSaveResult ThrowIfNotSaved(ConfigSaveResult result)
    {
        if (!result.Saved)
        {
            Diagnostic first = result.Diagnostics.First(d => d.IsError);
            throw new XenConfigException(first.ToString(), result.Diagnostics);
        }

        return result;
    }
}
