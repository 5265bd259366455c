package schema

import "testing"

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr string
	}{
		{"1048576", 1048576, ""},
		{"50MB", 50 << 20, ""},
		{"50mb", 50 << 20, ""},
		{"50 MB", 50 << 20, ""},
		{"512KB", 512 << 10, ""},
		{"512KiB", 512 << 10, ""},
		{"1GB", 1 << 30, ""},
		{"1.5MB", 3 << 19, ""},
		{"100B", 100, ""},
		{" 2MiB ", 2 << 20, ""},
		{"", 0, `invalid size "" (want e.g. "512KB", "50MB", "1GB")`},
		{"50 megs", 0, `invalid size "50 megs" (want e.g. "512KB", "50MB", "1GB")`},
		{"-1MB", 0, `invalid size "-1MB" (want e.g. "512KB", "50MB", "1GB")`},
		{"1TB", 0, `invalid size "1TB" (want e.g. "512KB", "50MB", "1GB")`},
		{"MB", 0, `invalid size "MB" (want e.g. "512KB", "50MB", "1GB")`},
		{"0", 0, `invalid size "0" (want at least 1 byte and at most a few exabytes)`},
		{"99999999999GB", 0, `invalid size "99999999999GB" (want at least 1 byte and at most a few exabytes)`},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("parseSize(%q) = %d, %v; want error %s", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}
