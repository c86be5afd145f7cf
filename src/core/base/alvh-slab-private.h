/* alvh-slab-private.h — one block of memory for the per-bar arrays of a run
 *
 * A replay of a million bars needs some twenty arrays of a million numbers
 * (the evaluator's indicators and memos, the result's curves): 170 MB that
 * the kernel hands out a 4 kB page at a time, each page fault costing
 * microseconds.  A slab takes them as one mapping on 2 MB boundaries and
 * asks for transparent huge pages (where the kernel offers them: madvise
 * mode), so a run faults a hundred times instead of forty thousand; small
 * runs (below 2 MB) use the ordinary heap.  Memory comes zeroed.
 * Internal to the core library.
 */
#pragma once

#include <glib.h>

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

G_BEGIN_DECLS

#define ALVH_SLAB_HUGE  ((gsize) 2 << 20)
#define ALVH_SLAB_ALIGN ((gsize) 64)

typedef struct
{
  guint8 *base;     /* the block (g_malloc0 or mmap) */
  gsize   size;     /* its size */
  gsize   used;     /* bytes handed out */
  gboolean mapped;  /* base came from mmap */
} AlvhSlab;

/* What an array of @size bytes takes in a slab (64-byte aligned). */
static inline gsize
_alvh_slab_round (gsize size)
{
  return (size + ALVH_SLAB_ALIGN - 1) & ~(ALVH_SLAB_ALIGN - 1);
}

/* A slab of @size bytes: the sum of _alvh_slab_round () of its arrays. */
static inline void
_alvh_slab_init (AlvhSlab *slab,
                 gsize     size)
{
  slab->used = 0;
  slab->mapped = FALSE;
  slab->size = MAX (size, ALVH_SLAB_ALIGN);
#if defined(G_OS_UNIX) && defined(MAP_ANONYMOUS)
  if (slab->size >= ALVH_SLAB_HUGE)
    {
      gsize whole = (slab->size + ALVH_SLAB_HUGE - 1) & ~(ALVH_SLAB_HUGE - 1);
      void *p = mmap (NULL, whole + ALVH_SLAB_HUGE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (p != MAP_FAILED)
        {
          guint8 *raw = p;
          guint8 *aligned = (guint8 *) (((guintptr) raw + ALVH_SLAB_HUGE - 1) & ~(guintptr) (ALVH_SLAB_HUGE - 1));

          /* keep only the aligned part */
          if (aligned > raw)
            munmap (raw, (gsize) (aligned - raw));
          if (aligned + whole < raw + whole + ALVH_SLAB_HUGE)
            munmap (aligned + whole, (gsize) ((raw + whole + ALVH_SLAB_HUGE) - (aligned + whole)));
#ifdef MADV_HUGEPAGE
          madvise (aligned, whole, MADV_HUGEPAGE);
#endif
          slab->base = aligned;
          slab->size = whole;
          slab->mapped = TRUE;
          return;
        }
    }
#endif
  slab->base = g_malloc0 (slab->size);
}

/* The next @size bytes of the slab, zeroed and 64-byte aligned. */
static inline gpointer
_alvh_slab_take (AlvhSlab *slab,
                 gsize     size)
{
  gpointer p = slab->base + slab->used;

  slab->used += _alvh_slab_round (size);
  g_assert (slab->used <= slab->size);
  return p;
}

static inline void
_alvh_slab_clear (AlvhSlab *slab)
{
  if (slab->base == NULL)
    return;
#if defined(G_OS_UNIX) && defined(MAP_ANONYMOUS)
  if (slab->mapped)
    munmap (slab->base, slab->size);
  else
#endif
    g_free (slab->base);
  slab->base = NULL;
  slab->size = slab->used = 0;
}

G_END_DECLS
