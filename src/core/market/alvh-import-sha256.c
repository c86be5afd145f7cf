/* alvh-import-sha256.c — the SHA-256 an import records for its file
 *
 * The imports table keeps the SHA-256 of each file in hex, as GChecksum
 * writes it.  On x86-64 processors with the SHA extensions (Intel since Ice
 * Lake and Goldmont, AMD since Zen) the compression function runs on them,
 * about 4x GChecksum's portable code; elsewhere GChecksum computes it.  Both
 * give the same digest (tests/core/test-import-input.c compares them).
 */
#define G_LOG_DOMAIN "alvh-import"

#include "config.h"

#include <string.h>

#include "alvh-import-private.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_SHA_NI_CODE 1
#include <cpuid.h>
#include <immintrin.h>
#endif

#ifdef HAVE_SHA_NI_CODE

static const guint32 round_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* The compression of @n_blocks 64-byte blocks into @state (a..h).  The
 * rounds instruction keeps the state as two vectors, ABEF and CDGH; message
 * words are big-endian; W[t] for t >= 16 comes four at a time from the
 * message instructions: msg1 adds sigma0 (W[t-15]) to W[t-16], an alignr
 * brings W[t-7], msg2 adds sigma1 (W[t-2]). */
__attribute__ ((target ("sha,sse4.1,ssse3")))
static void
compress_ni (guint32      state[8],
             const guchar *data,
             gsize         n_blocks)
{
  const __m128i swap = _mm_set_epi64x (0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i dcba = _mm_loadu_si128 ((const __m128i *) (gconstpointer) &state[0]);
  __m128i hgfe = _mm_loadu_si128 ((const __m128i *) (gconstpointer) &state[4]);
  __m128i cdab = _mm_shuffle_epi32 (dcba, 0xB1);
  __m128i efgh = _mm_shuffle_epi32 (hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8 (cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16 (efgh, cdab, 0xF0);

  for (gsize b = 0; b < n_blocks; b++, data += 64)
    {
      const __m128i abef_in = abef, cdgh_in = cdgh;
      __m128i w[4];

#pragma GCC unroll 16
      for (int g = 0; g < 16; g++)
        {
          __m128i m;

          if (g < 4)
            w[g] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (gconstpointer) (data + 16 * g)), swap);
          else
            {
              __m128i t = _mm_sha256msg1_epu32 (w[g & 3], w[(g + 1) & 3]);

              t = _mm_add_epi32 (t, _mm_alignr_epi8 (w[(g + 3) & 3], w[(g + 2) & 3], 4));
              w[g & 3] = _mm_sha256msg2_epu32 (t, w[(g + 3) & 3]);
            }
          m = _mm_add_epi32 (w[g & 3], _mm_loadu_si128 ((const __m128i *) (gconstpointer) &round_k[4 * g]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, m);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (m, 0x0E));
        }
      abef = _mm_add_epi32 (abef, abef_in);
      cdgh = _mm_add_epi32 (cdgh, cdgh_in);
    }

  {
    __m128i feba = _mm_shuffle_epi32 (abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32 (cdgh, 0xB1);

    _mm_storeu_si128 ((__m128i *) (gpointer) &state[0], _mm_blend_epi16 (feba, dchg, 0xF0));
    _mm_storeu_si128 ((__m128i *) (gpointer) &state[4], _mm_alignr_epi8 (dchg, feba, 8));
  }
}

static gboolean
cpu_has_sha (void)
{
  unsigned int a, b, c, d;

  if (!__get_cpuid (1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
    return FALSE;
  if (!__get_cpuid_count (7, 0, &a, &b, &c, &d))
    return FALSE;
  return (b & (1u << 29)) != 0;   /* SHA */
}

static char *
sha256_ni_hex (const guchar *data,
               gsize         len)
{
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guchar tail[128] = { 0 };
  gsize full = len / 64, rest = len % 64, n_tail;
  guint64 bits = (guint64) len * 8;
  char *hex = g_malloc (65);

  compress_ni (state, data, full);
  memcpy (tail, data + full * 64, rest);
  tail[rest] = 0x80;
  n_tail = rest + 1 + 8 <= 64 ? 64 : 128;
  for (int i = 0; i < 8; i++)
    tail[n_tail - 1 - i] = (guchar) (bits >> (8 * i));
  compress_ni (state, tail, n_tail / 64);
  for (int i = 0; i < 8; i++)
    g_snprintf (hex + 8 * i, 9, "%08x", state[i]);
  return hex;
}

#endif /* HAVE_SHA_NI_CODE */

/* The SHA-256 of @data in lower-case hex, as g_compute_checksum_for_data ()
 * gives it */
char *
_alvh_import_sha256_hex (const guchar *data,
                         gsize         len)
{
#ifdef HAVE_SHA_NI_CODE
  static gsize has_sha = 0;

  if (g_once_init_enter (&has_sha))
    g_once_init_leave (&has_sha, cpu_has_sha () ? 2 : 1);
  if (has_sha == 2)
    return sha256_ni_hex (data, len);
#endif
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}
