package org.neurite.examples.cli;

import org.neurite.api.DType;
import picocli.CommandLine;

/** Parses {@code --dtype} with {@link DType#parse}; a bad value is a bad argument (exit status 2). */
final class DTypeConverter implements CommandLine.ITypeConverter<DType> {
    @Override
    public DType convert(String value) {
        try {
            return DType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
