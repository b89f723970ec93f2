/**
 * Reading and writing safetensors files, the tensor format of {@code huggingface/safetensors}:
 * {@link org.neurite.io.safetensors.SafetensorsFile} opens a file, validates its whole header and maps its data;
 * {@link org.neurite.io.safetensors.SafetensorsWriter} writes one byte for byte as the reference writer does,
 * atomically. Every problem with a file's content is a {@link org.neurite.io.safetensors.ModelFormatException}
 * naming the rule it breaks.
 */
package org.neurite.io.safetensors;
