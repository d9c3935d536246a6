#pragma once

/// @file
/// Applying a function to many items on a pool of threads, results in item order.

#include <cstddef>
#include <type_traits>
#include <vector>

#include <llvm/Support/ThreadPool.h>

namespace retort {

/// Returns `work(item)` for each of `items`, in the items' order, computed on
/// `jobs` threads (0: one per hardware thread) with LLVM's ThreadPool.
///
/// ```cpp
/// auto sizes = retort::parallel_map(files, 0, [](const auto& f) { return file_size(f); });
/// ```
template <class Item, class Work>
auto parallel_map(const std::vector<Item>& items, unsigned jobs, Work work) {
  std::vector<std::invoke_result_t<Work&, const Item&>> results(items.size());
  llvm::ThreadPool pool(llvm::hardware_concurrency(jobs));
  for (std::size_t i = 0; i < items.size(); ++i) {
    pool.async([&, i] { results[i] = work(items[i]); });
  }
  pool.wait();
  return results;
}

}  // namespace retort
