namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>
/// The layout <c>qemu-img create -f qcow2</c> (QEMU 7.2, <c>qcow2_co_create</c>) gives an empty image: header in
/// cluster 0, a one-cluster refcount table in cluster 1, the first refcount block in cluster 2, the L1 table from
/// cluster 3, then any further refcount blocks QEMU allocates while counting the L1 clusters, in the order it does.
/// </summary>
internal sealed record Qcow2Layout(long L1Clusters, IReadOnlyList<(long Index, long Cluster)> RefcountBlocks, long TotalClusters, long FileLength)
{
    /// <summary>Plans the empty layout; <see langword="null"/> when QEMU would have to grow the refcount table
    /// (only tiny clusters with huge disks), in which case the streaming layout is used instead.</summary>
    public static Qcow2Layout? PlanEmpty(int clusterBits, int refcountBits, long l1Size)
    {
        long clusterSize = 1L << clusterBits;
        long perBlock = Qcow2Refcounts.EntriesPerBlock((int)clusterSize, refcountBits);
        long tableEntries = clusterSize / 8;
        long l1Clusters = ((l1Size * 8) + clusterSize - 1) / clusterSize;
        var blocks = new List<(long Index, long Cluster)> { (0, 2) };
        var known = new HashSet<long> { 0 };
        long free = 3 + l1Clusters;

        bool Ensure(long index)
        {
            if (known.Contains(index))
            {
                return true;
            }

            if (index >= tableEntries)
            {
                return false;
            }

            long cluster = free++;
            known.Add(index);
            if (cluster / perBlock != index && !Ensure(cluster / perBlock))
            {
                return false;
            }

            blocks.Add((index, cluster));
            return true;
        }

        for (long c = 0; c < 3 + l1Clusters; c += perBlock - (c % perBlock))
        {
            if (!Ensure(c / perBlock))
            {
                return null;
            }
        }

        long fileLength = free > 3 + l1Clusters ? free * clusterSize : (3 * clusterSize) + (l1Size * 8);
        return new Qcow2Layout(l1Clusters, blocks, free, fileLength);
    }
}
