// jsoncpp: two classes whose doc comments end alike are not duplicated code.
/** \brief Writes values.
 *
 * The output is indented by
 * three spaces per level, and
 * strings are escaped as JSON asks.
 * Use it for human readers.
 * \sa Reader
 */
class FirstWriter {  // no-finding
 public:
  int first_level = 0;
};

/** \brief Writes values.
 *
 * The output is indented by
 * three spaces per level, and
 * strings are escaped as JSON asks.
 * Use it for human readers.
 * \sa Reader
 */
class SecondWriter {  // no-finding
 public:
  int second_level = 0;
};

