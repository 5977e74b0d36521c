#pragma once
// SmallVector<T, N>: a std::vector-like sequence that keeps up to N elements
// inside the object and only goes to the heap beyond that. Tensor sizes and
// strides, an op's argument metadata and a node's edges are almost always a
// handful of entries, and a heap allocation for each of them was the largest
// single cost of running a small op. It converts to and from std::vector<T>,
// so code written against vectors (IntList arguments) keeps working.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace paratrace {

template <typename T, std::size_t N> class SmallVector {
  static_assert(N > 0, "use std::vector when nothing is kept inline");

 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  SmallVector() noexcept : data_(inline_data()) {}
  explicit SmallVector(size_type n) : SmallVector() { resize(n); }
  SmallVector(size_type n, const T& value) : SmallVector() { assign(n, value); }
  template <std::input_iterator It> SmallVector(It first, It last) : SmallVector() { append(first, last); }
  SmallVector(std::initializer_list<T> init) : SmallVector() { append(init.begin(), init.end()); }
  // Implicit both ways, so a SmallVector passes where a std::vector is taken and vice versa.
  SmallVector(const std::vector<T>& v) : SmallVector() { append(v.begin(), v.end()); }
  operator std::vector<T>() const { return std::vector<T>(begin(), end()); }

  SmallVector(const SmallVector& other) : SmallVector() { append(other.begin(), other.end()); }
  SmallVector(SmallVector&& other) noexcept(std::is_nothrow_move_constructible_v<T>) : SmallVector() {
    take(std::move(other));
  }
  SmallVector& operator=(const SmallVector& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }
  SmallVector& operator=(SmallVector&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &other) {
      clear();
      release_heap();
      take(std::move(other));
    }
    return *this;
  }
  SmallVector& operator=(std::initializer_list<T> init) {
    assign(init.begin(), init.end());
    return *this;
  }
  ~SmallVector() {
    clear();
    release_heap();
  }

  // --- access -------------------------------------------------------------------
  T* data() noexcept { return data_; }
  const T* data() const noexcept { return data_; }
  T& operator[](size_type i) { return data_[i]; }
  const T& operator[](size_type i) const { return data_[i]; }
  T& at(size_type i) {
    check_index(i);
    return data_[i];
  }
  const T& at(size_type i) const {
    check_index(i);
    return data_[i];
  }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }

  iterator begin() noexcept { return data_; }
  const_iterator begin() const noexcept { return data_; }
  const_iterator cbegin() const noexcept { return data_; }
  iterator end() noexcept { return data_ + size_; }
  const_iterator end() const noexcept { return data_ + size_; }
  const_iterator cend() const noexcept { return data_ + size_; }
  reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }

  bool empty() const noexcept { return size_ == 0; }
  size_type size() const noexcept { return size_; }
  size_type capacity() const noexcept { return capacity_; }

  // --- modification -------------------------------------------------------------
  void reserve(size_type n) {
    if (n > capacity_) grow_to(n);
  }
  void clear() noexcept {
    std::destroy(begin(), end());
    size_ = 0;
  }
  void resize(size_type n) {
    if (n < size_) {
      std::destroy(begin() + n, end());
    } else {
      reserve(n);
      std::uninitialized_value_construct(end(), begin() + n);
    }
    size_ = static_cast<std::uint32_t>(n);
  }
  void resize(size_type n, const T& value) {
    if (n < size_) {
      std::destroy(begin() + n, end());
      size_ = static_cast<std::uint32_t>(n);
    } else {
      insert(end(), n - size_, value);
    }
  }
  void assign(size_type n, const T& value) {
    clear();
    insert(end(), n, value);
  }
  template <std::input_iterator It> void assign(It first, It last) {
    clear();
    append(first, last);
  }
  void assign(std::initializer_list<T> init) { assign(init.begin(), init.end()); }

  void push_back(const T& value) { emplace_back(value); }
  void push_back(T&& value) { emplace_back(std::move(value)); }
  template <typename... Args> T& emplace_back(Args&&... args) {
    if (size_ == capacity_) {
      // Construct first: args may refer to an element that growing would move.
      T tmp(std::forward<Args>(args)...);
      grow_to(capacity_ * 2);
      ::new (static_cast<void*>(end())) T(std::move(tmp));
    } else {
      ::new (static_cast<void*>(end())) T(std::forward<Args>(args)...);
    }
    return data_[size_++];
  }
  void pop_back() {
    --size_;
    std::destroy_at(end());
  }

  iterator insert(const_iterator pos, const T& value) { return insert(pos, 1, value); }
  iterator insert(const_iterator pos, T&& value) {
    const size_type at = static_cast<size_type>(pos - begin());
    emplace_back(std::move(value));
    std::rotate(begin() + at, end() - 1, end());
    return begin() + at;
  }
  iterator insert(const_iterator pos, size_type n, const T& value) {
    const size_type at = static_cast<size_type>(pos - begin());
    const T copy = value;  // value may be an element of this vector
    reserve(size_ + n);
    for (size_type i = 0; i < n; ++i) ::new (static_cast<void*>(end() + i)) T(copy);
    size_ += static_cast<std::uint32_t>(n);
    std::rotate(begin() + at, end() - n, end());
    return begin() + at;
  }
  template <std::input_iterator It> iterator insert(const_iterator pos, It first, It last) {
    const size_type at = static_cast<size_type>(pos - begin());
    const size_type old = size_;
    append(first, last);
    std::rotate(begin() + at, begin() + old, end());
    return begin() + at;
  }
  iterator insert(const_iterator pos, std::initializer_list<T> init) { return insert(pos, init.begin(), init.end()); }

  iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
  iterator erase(const_iterator first, const_iterator last) {
    T* f = begin() + (first - begin());
    T* l = begin() + (last - begin());
    T* new_end = std::move(l, end(), f);
    std::destroy(new_end, end());
    size_ = static_cast<std::uint32_t>(new_end - begin());
    return f;
  }

  void swap(SmallVector& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
    SmallVector tmp(std::move(other));
    other = std::move(*this);
    *this = std::move(tmp);
  }

  // --- comparison -----------------------------------------------------------------
  friend bool operator==(const SmallVector& a, const SmallVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const SmallVector& a, const std::vector<T>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator<(const SmallVector& a, const SmallVector& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  T* inline_data() noexcept { return std::launder(reinterpret_cast<T*>(inline_)); }
  bool is_inline() const noexcept { return data_ == reinterpret_cast<const T*>(inline_); }

  template <typename It> void append(It first, It last) {
    if constexpr (std::is_convertible_v<It, const T*>) {
      // A range inside this vector would be invalidated by growing: copy it out first.
      const T* f = first;
      if (f >= begin() && f < end()) {
        const SmallVector copy(first, last);
        append(copy.begin(), copy.end());
        return;
      }
    }
    if constexpr (std::forward_iterator<It>) reserve(size_ + static_cast<size_type>(std::distance(first, last)));
    for (; first != last; ++first) emplace_back(*first);
  }
  void grow_to(size_type n) {
    n = std::max<size_type>(n, 2 * N);
    T* fresh = allocate(n);
    std::uninitialized_move(begin(), end(), fresh);
    std::destroy(begin(), end());
    release_heap();
    data_ = fresh;
    capacity_ = static_cast<std::uint32_t>(n);
  }
  void release_heap() noexcept {
    if (!is_inline()) deallocate(data_);
    data_ = inline_data();
    capacity_ = N;
  }
  // Plain operator new where the default alignment suffices: the aligned
  // overload goes through glibc's slower memalign path.
  static T* allocate(size_type n) {
    if constexpr (alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) {
      return static_cast<T*>(::operator new(n * sizeof(T)));
    } else {
      return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{alignof(T)}));
    }
  }
  static void deallocate(T* p) noexcept {
    if constexpr (alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) {
      ::operator delete(p);
    } else {
      ::operator delete(p, std::align_val_t{alignof(T)});
    }
  }
  // Moves other's elements here (this is empty and inline); leaves other empty.
  void take(SmallVector&& other) {
    if (other.is_inline()) {
      std::uninitialized_move(other.begin(), other.end(), data_);
      size_ = other.size_;
      other.clear();
    } else {
      data_ = other.data_;
      size_ = other.size_;
      capacity_ = other.capacity_;
      other.data_ = other.inline_data();
      other.size_ = 0;
      other.capacity_ = N;
    }
  }
  void check_index(size_type i) const {
    if (i >= size_) throw std::out_of_range("SmallVector::at");
  }

  T* data_;
  std::uint32_t size_ = 0;  // 32-bit counts keep a SmallVector<int64_t, 6> at one cache line
  std::uint32_t capacity_ = N;
  alignas(T) unsigned char inline_[N * sizeof(T)];
};

}  // namespace paratrace
