package archive

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
)

// hashSize is the length of the stored hashes: 128 bits of HMAC-SHA256.
const hashSize = 16

// Domains keep the two uses of the key apart.
const (
	domainKeys byte = 'k' // the query keys of a record
	domainRow  byte = 'r' // the whole row, to recognise duplicates
	// domainPerson names a person looked up, for the lockout (lockout.go).
	domainPerson byte = 'p'
)

// digest returns the truncated HMAC of a dataset's values in a domain.
// Each value is length-prefixed, so ("ab","c") and ("a","bc") differ.
func (k *Key) digest(domain byte, datasetID int64, values []string) []byte {
	m, _ := k.macs.Get().(hash.Hash)
	if m == nil {
		m = hmac.New(sha256.New, k.secret)
	}
	m.Reset()
	var buf [1 + 8 + binary.MaxVarintLen64]byte
	buf[0] = domain
	binary.BigEndian.PutUint64(buf[1:9], uint64(datasetID))
	m.Write(buf[:9])
	for _, v := range values {
		n := binary.PutUvarint(buf[:], uint64(len(v)))
		m.Write(buf[:n])
		m.Write([]byte(v))
	}
	var sum [sha256.Size]byte
	out := m.Sum(sum[:0])[:hashSize:hashSize]
	k.macs.Put(m)
	return out
}

// keyHash is the lookup hash of normalised query keys, in the dataset's
// key order.
func (k *Key) keyHash(datasetID int64, keys []string) []byte {
	return k.digest(domainKeys, datasetID, keys)
}

// rowHash identifies a row by all its normalised values, so the same row
// imported twice is recognised without storing it.
func (k *Key) rowHash(datasetID int64, values []string) []byte {
	return k.digest(domainRow, datasetID, values)
}
