package environ

import (
	"slices"
	"testing"
)

func TestMissing(t *testing.T) {
	locale := []string{"LC_ALL=", "LC_MESSAGES=", "LANG=en_US.UTF-8"}
	omp := []string{"OMP_THREAD_LIMIT=1", "MALLOC_ARENA_MAX=1"}
	arena := []string{"MALLOC_ARENA_MAX=1"}
	tests := []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"all set", map[string]string{"OMP_THREAD_LIMIT": "1", "MALLOC_ARENA_MAX": "4", "LANG": "de_DE.UTF-8"}, nil},
		{"nothing set", map[string]string{}, append(omp, locale...)},
		{"C.UTF-8 of a minimal system", map[string]string{"OMP_THREAD_LIMIT": "2", "MALLOC_ARENA_MAX": "2", "LANG": "C.UTF-8"}, locale},
		{"POSIX", map[string]string{"OMP_THREAD_LIMIT": "1", "MALLOC_ARENA_MAX": "2", "LANG": "POSIX"}, locale},
		{"LC_ALL wins over LANG", map[string]string{"OMP_THREAD_LIMIT": "1", "MALLOC_ARENA_MAX": "2", "LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, locale},
		{"LC_MESSAGES before LANG", map[string]string{"OMP_THREAD_LIMIT": "1", "MALLOC_ARENA_MAX": "2", "LC_MESSAGES": "pt_BR.UTF-8", "LANG": "C"}, nil},
		{"only the thread limit and arenas", map[string]string{"LANG": "en_GB.UTF-8"}, omp},
		{"only the arenas", map[string]string{"OMP_THREAD_LIMIT": "1", "LANG": "en_GB.UTF-8"}, arena},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := missing(func(k string) string { return tt.env[k] })
			if !slices.Equal(got, tt.want) {
				t.Errorf("missing = %q, want %q", got, tt.want)
			}
		})
	}
}
