// SPDX-License-Identifier: GPL-2.0-only
/*
 * /init of the L2 guest that QEMU live-migrates in tests/qemu/migrate.sh.
 *
 * Each of NR_THREADS threads owns REGION_MB MiB and rewrites it page by page
 * for ever.  Before it writes a page it checks that the page still holds
 * what it wrote there last, which it keeps in a separate array in guest
 * memory too.  A page that a migration copied stale (the data, or the
 * record of it) breaks that equality on the destination, whichever was
 * dirtied without being reported: the thread prints "STALE" and stops.
 * Progress goes to the console as "pass N" lines.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <time.h>
#include <unistd.h>

#define NR_THREADS	2
#define REGION_MB	32
#define PAGE		4096
#define NPAGES		(REGION_MB * 1024 * 1024 / PAGE)

struct region {
	volatile uint64_t *mem;
	uint64_t *last;
	int id;
};

static FILE *con;

static void *writer(void *arg)
{
	struct region *r = arg;
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	uint64_t pass, p, want, have;

	for (pass = 1;; pass++) {
		for (p = 0; p < NPAGES; p++) {
			volatile uint64_t *page = r->mem + p * (PAGE / 8);

			want = r->last[p];
			have = page[0];
			if (have != want || page[PAGE / 8 - 1] != want) {
				fprintf(con, "STALE thread %d page %lu: have %#lx/%#lx, want %#lx\n",
					r->id, (unsigned long)p, (unsigned long)have,
					(unsigned long)page[PAGE / 8 - 1], (unsigned long)want);
				fflush(con);
				for (;;)
					pause_forever: sleep(1000);
			}
			want = ((uint64_t)r->id << 56) | (pass << 20) | p;
			page[0] = want;
			page[PAGE / 8 - 1] = want;
			r->last[p] = want;
		}
		if (pass % 8 == 0) {
			fprintf(con, "pass %lu thread %d\n", (unsigned long)pass, r->id);
			fflush(con);
		}
		/* Leave the migration a chance to converge. */
		nanosleep(&pause, NULL);
	}
	goto pause_forever;
	return NULL;
}

int main(void)
{
	struct region r[NR_THREADS];
	pthread_t t[NR_THREADS];
	int i;

	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	con = fopen("/dev/console", "w");
	if (!con)
		return 1;
	for (i = 0; i < NR_THREADS; i++) {
		r[i].id = i;
		r[i].mem = aligned_alloc(PAGE, (size_t)NPAGES * PAGE);
		r[i].last = calloc(NPAGES, sizeof(uint64_t));
		if (!r[i].mem || !r[i].last)
			return 1;
		memset((void *)r[i].mem, 0, (size_t)NPAGES * PAGE);
	}
	fprintf(con, "l2-writer: %d threads, %d MiB each\n", NR_THREADS, REGION_MB);
	fflush(con);
	for (i = 0; i < NR_THREADS; i++)
		pthread_create(&t[i], NULL, writer, &r[i]);
	for (;;)
		sleep(1000);
}
