#include "retort/core/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <llvm/Support/FileSystem.h>

#include "retort/core/errors.hpp"

namespace retort {
namespace {

llvm::Error os_error(const std::string& what, const std::filesystem::path& path) {
  return internal_error("cannot " + what + " '" + path.string() + "': " + std::strerror(errno));
}

llvm::Error write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    ssize_t written = write(fd, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return internal_error(std::string("write failed: ") + std::strerror(errno));
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
  return llvm::Error::success();
}

}  // namespace

llvm::Expected<std::string> read_file(const std::filesystem::path& path) {
  std::error_code status_error;
  auto status = std::filesystem::status(path, status_error);
  if (status_error) {
    return internal_error("cannot read '" + path.string() + "': " + status_error.message());
  }
  if (!std::filesystem::is_regular_file(status)) {
    return internal_error("cannot read '" + path.string() + "': not a regular file");
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return os_error("read", path);
  // One read of the size the file has: a stream copy into a growing string costs a
  // test run 40 ms on a 15 MB test program it hashes.
  std::error_code size_error;
  auto expected_size = std::filesystem::file_size(path, size_error);
  std::string contents(size_error ? 0 : expected_size, '\0');
  stream.read(contents.data(), static_cast<std::streamsize>(contents.size()));
  contents.resize(static_cast<std::size_t>(stream.gcount()));
  if (stream) {
    // The file grew, or its size said nothing (as /proc's files): read to the end.
    std::ostringstream rest;
    rest << stream.rdbuf();
    contents += std::move(rest).str();
  }
  if (stream.bad()) return os_error("read", path);
  return contents;
}

llvm::Error write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
  // Write beside the real file, not beside a symlink to it, so the rename replaces
  // the file's contents and keeps the link.
  std::error_code resolve_error;
  std::filesystem::path target = std::filesystem::canonical(path, resolve_error);
  struct stat original {};
  if (resolve_error == std::errc::no_such_file_or_directory && !std::filesystem::is_symlink(path)) {
    // A new file gets rw-r--r--: reading the umask means setting it, which races
    // with other threads creating files.
    target = std::filesystem::absolute(path);
    original.st_mode = 0644;
  } else if (resolve_error) {
    return internal_error("cannot resolve '" + path.string() + "': " + resolve_error.message());
  } else if (stat(target.c_str(), &original) != 0) {
    return os_error("stat", target);
  }

  std::string temporary = target.string() + ".retort-XXXXXX";
  int fd = mkstemp(temporary.data());
  if (fd < 0) return os_error("create a temporary file beside", target);
  llvm::Error failure = write_all(fd, contents);
  if (!failure && fchmod(fd, original.st_mode & 07777) != 0) failure = os_error("chmod", temporary);
  if (!failure && fsync(fd) != 0) failure = os_error("flush", temporary);
  if (close(fd) != 0 && !failure) failure = os_error("close", temporary);
  if (!failure && rename(temporary.c_str(), target.c_str()) != 0)
    failure = os_error("replace", target);
  if (failure) {
    unlink(temporary.c_str());
    return failure;
  }
  return llvm::Error::success();
}

llvm::Error prepare_report_path(const std::filesystem::path& path) {
  std::error_code error;
  auto parent = std::filesystem::absolute(path).parent_path();
  std::filesystem::create_directories(parent, error);
  if (error)
    return usage_error("cannot create " + parent.string() + " for " + path.string() + ": " +
                       error.message());
  if (std::filesystem::is_directory(path, error))
    return usage_error("cannot write the report " + path.string() + ": it is a folder");
  // The report is written beside itself and renamed over: the folder must take files.
  if (access(parent.c_str(), W_OK | X_OK) != 0)
    return usage_error("cannot write the report " + path.string() + ": " + parent.string() +
                       " is not writable (" + std::strerror(errno) + ")");
  return llvm::Error::success();
}

llvm::Error prepare_report_paths(const std::vector<std::filesystem::path>& paths) {
  for (const auto& path : paths) {
    if (path.empty()) continue;
    if (auto error = prepare_report_path(path)) return error;
  }
  return llvm::Error::success();
}

llvm::Error write_report_file(const std::filesystem::path& path, std::string_view contents) {
  if (auto error = prepare_report_path(path)) return error;
  return write_file_atomically(path, contents);
}

bool create_state_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return false;
  std::filesystem::path ignore = directory / ".gitignore";
  if (!std::filesystem::exists(ignore, error)) {
    llvm::consumeError(
        write_file_atomically(ignore, "# Written by retort: its state is not source.\n*\n"));
  }
  return true;
}

std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& directory,
                                                        std::string_view extension) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    if (it->path().extension() == extension) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::size_t remove_files_with_extension(const std::filesystem::path& directory,
                                        std::string_view extension) {
  auto files = files_with_extension(directory, extension);
  std::error_code error;
  for (const auto& file : files) std::filesystem::remove(file, error);
  return files.size();
}

}  // namespace retort
