/*
 * Times Xen's own config parser on files held in memory: the distribution's libxlutil (Debian's libxen-dev /
 * libxenmisc), xlu_cfg_init + xlu_cfg_readdata + xlu_cfg_destroy per file, as xl does before it reads any value.
 * Our own code; it only links against the installed library.
 *
 *   libxlu-throughput LISTFILE MIN_SECONDS
 *
 * LISTFILE names one input file per line. Prints one line: files, bytes, passes and the median seconds per pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxlutil.h>

struct input { char *data; int length; };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s LISTFILE MIN_SECONDS\n", argv[0]);
        return 2;
    }

    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 2; }
    double min_seconds = atof(argv[2]);
    struct input *inputs = NULL;
    size_t count = 0, capacity = 0;
    long long bytes = 0;
    char path[4096];
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        if (!*path) continue;
        FILE *f = fopen(path, "rb");
        if (!f) { perror(path); return 2; }
        fseek(f, 0, SEEK_END);
        long length = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            inputs = realloc(inputs, capacity * sizeof *inputs);
        }
        inputs[count].data = malloc(length + 1);
        if (fread(inputs[count].data, 1, length, f) != (size_t)length) { perror(path); return 2; }
        inputs[count].length = (int)length;
        bytes += length;
        count++;
        fclose(f);
    }
    fclose(list);

    FILE *sink = fopen("/dev/null", "w");
    double times[10000];
    int passes = 0;
    double total = 0;
    while ((passes < 3 || total < min_seconds) && passes < 10000) {
        double start = now();
        for (size_t i = 0; i < count; i++) {
            XLU_Config *config = xlu_cfg_init(sink, "input");
            xlu_cfg_readdata(config, inputs[i].data, inputs[i].length);
            xlu_cfg_destroy(config);
        }
        times[passes] = now() - start;
        total += times[passes++];
    }

    qsort(times, passes, sizeof times[0], compare);
    printf("files=%zu bytes=%lld passes=%d median_seconds=%.6f\n", count, bytes, passes, times[passes / 2]);
    return 0;
}
